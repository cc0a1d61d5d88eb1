package io.filestore.sample.user;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.Version;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.filestore.annotation.Document;
import io.filestore.annotation.Indexed;
import io.filestore.annotation.OneToMany;
import io.filestore.sample.order.Order;

/** A user, stored as {@code users/<id>.json}; {@code email} is unique, both it and {@code username} are indexed. */
@Document("users")
public class User {

    @Id
    private String id;
    @Indexed(unique = true)
    private String email;
    @Indexed
    private String username;
    private String name;
    @Version
    private Long version;
    @CreatedDate
    private Instant createdAt;
    @LastModifiedDate
    private Instant updatedAt;
    /** Never stored: read through the orders' {@code userId} index when the user is loaded. */
    @OneToMany(mappedBy = "userId")
    @JsonIgnore
    private List<Order> orders;

    public User() {
    }

    public User(String email, String username, String name) {
        this.email = email;
        this.username = username;
        this.name = name;
    }

    public String getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public List<Order> getOrders() {
        return orders;
    }
}
