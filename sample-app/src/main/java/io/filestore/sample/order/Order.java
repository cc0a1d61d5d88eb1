package io.filestore.sample.order;

import java.math.BigDecimal;
import java.time.Instant;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;

import io.filestore.annotation.Document;
import io.filestore.annotation.Indexed;
import io.filestore.annotation.ManyToOne;
import io.filestore.relation.OnDelete;
import io.filestore.sample.user.User;

/**
 * An order, stored as {@code orders/<id>.json}. {@code userId} refers to a user (indexed by the
 * relationship; deleting the user deletes its orders in the same transaction), {@code status} is indexed.
 */
@Document("orders")
public class Order {

    @Id
    private String id;
    @ManyToOne(value = User.class, onDelete = OnDelete.CASCADE)
    private String userId;
    private BigDecimal total;
    @Indexed
    private String status;
    @CreatedDate
    private Instant createdAt;

    public Order() {
    }

    public Order(String userId, BigDecimal total, String status) {
        this.userId = userId;
        this.total = total;
        this.status = status;
    }

    public String getId() {
        return id;
    }

    public String getUserId() {
        return userId;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public String getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
