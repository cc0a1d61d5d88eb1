package io.filestore.sample.user;

import java.util.List;

import jakarta.validation.Valid;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.filestore.sample.order.Order;

/** {@code /api/users}: create, read, update and delete users, find one by email, page through all. */
@RestController
@RequestMapping("/api/users")
class UserController {

    private final Users service;
    private final UserRepository users;

    UserController(Users service, UserRepository users) {
        this.service = service;
        this.users = users;
    }

    @PostMapping
    ResponseEntity<User> create(@Valid @RequestBody UserRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(service.create(request));
    }

    @GetMapping("/{id}")
    User get(@PathVariable String id) {
        return users.findById(id).orElseThrow(() -> notFound(id));
    }

    @GetMapping(params = "email")
    List<User> findByEmail(@RequestParam String email) {
        return users.findByEmail(email);
    }

    @GetMapping(params = "!email")
    Page<User> page(@PageableDefault(size = 20, sort = "username") Pageable pageable) {
        return users.findAll(pageable);
    }

    @PutMapping("/{id}")
    User update(@PathVariable String id, @Valid @RequestBody UserRequest request) {
        if (request.version() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "'version' is required: send the version you read, so a concurrent change is not overwritten");
        }
        return service.update(id, request).orElseThrow(() -> notFound(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        if (!service.delete(id)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    /** The user's orders, read through the {@code @OneToMany} relationship (the orders' userId index). */
    @GetMapping("/{id}/orders")
    List<Order> orders(@PathVariable String id) {
        return get(id).getOrders();
    }

    private static ResponseStatusException notFound(String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No user with id '" + id + "'");
    }
}
