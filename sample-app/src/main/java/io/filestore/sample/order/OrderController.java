package io.filestore.sample.order;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.filestore.sample.user.Users;
import io.filestore.sample.web.StorableId;

import static org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentRequestUri;

/** {@code /api/orders}: create orders for existing users, read one, list them by status. */
@RestController
@RequestMapping("/api/orders")
class OrderController {

    private final OrderRepository orders;
    private final Users users;

    OrderController(OrderRepository orders, Users users) {
        this.orders = orders;
        this.users = users;
    }

    /**
     * Stores the order if its user exists (the check and the write are one transaction); 201 with the
     * order and its address in {@code Location}.
     */
    @PostMapping
    @Transactional
    public ResponseEntity<Order> create(@Valid @RequestBody OrderRequest request) {
        users.requireExisting(request.userId());
        Order order = orders.save(new Order(request.userId(), request.total(), request.status()));
        return ResponseEntity.created(fromCurrentRequestUri().path("/{id}").buildAndExpand(order.getId()).toUri())
                .body(order);
    }

    @GetMapping("/{id}")
    Order get(@PathVariable @StorableId String id) {
        return orders.findById(id).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No order with id '" + id + "'"));
    }

    /** {@code status} is required: without it, a 400 that names it. */
    @GetMapping
    List<Order> findByStatus(@RequestParam String status) {
        return orders.findByStatus(status);
    }
}
