package io.filestore.data.repository;

import java.math.BigDecimal;

import org.springframework.data.annotation.Id;

import io.filestore.annotation.Document;
import io.filestore.annotation.Indexed;
import io.filestore.annotation.ManyToOne;
import io.filestore.relation.OnDelete;

@Document("orders")
public class Order {
    @Id
    public String id;
    @Indexed
    @ManyToOne(value = User.class, onDelete = OnDelete.CASCADE)
    public String userId;
    public BigDecimal total;
    @Indexed
    public String status;

    public Order() {
    }

    public Order(String userId, BigDecimal total, String status) {
        this.userId = userId;
        this.total = total;
        this.status = status;
    }
}
