package io.filestore.data.repository;

import java.util.List;

public interface OrderRepository extends FileStoreRepository<Order, String> {
    List<Order> findByStatus(String status);
    List<Order> findByUserId(String userId);
}
