package io.filestore.sample.order;

import java.util.List;

import io.filestore.data.repository.FileStoreRepository;

/** Orders; {@code findByStatus} is a lookup in the {@code status} index. */
public interface OrderRepository extends FileStoreRepository<Order, String> {

    List<Order> findByStatus(String status);
}
