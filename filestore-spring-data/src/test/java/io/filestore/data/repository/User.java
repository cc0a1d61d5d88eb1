package io.filestore.data.repository;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.Version;

import io.filestore.annotation.Document;
import io.filestore.annotation.Indexed;
import io.filestore.annotation.OneToMany;

@Document("users")
public class User {
    @Id
    public String id;
    @Indexed(unique = true)
    public String email;
    @Indexed
    public String username;
    public String nickname;
    @Indexed
    public Integer age;
    public boolean active;
    public List<String> tags;
    public Address address;
    @Version
    public Long version;
    @CreatedDate
    public Instant createdAt;
    @LastModifiedDate
    public Instant updatedAt;
    @OneToMany(mappedBy = "userId")
    public List<Order> orders;

    public User() {
    }

    public User(String email, String username) {
        this.email = email;
        this.username = username;
    }

    public static class Address {
        public String city;

        public Address() {
        }

        public Address(String city) {
            this.city = city;
        }
    }

    @Override
    public String toString() {
        return "User[" + id + " " + email + "]";
    }
}
