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
import io.filestore.sample.web.StorableId;

import static org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentRequestUri;

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

    /** 201 with the user and its address in {@code Location}. */
    @PostMapping
    ResponseEntity<User> create(@Valid @RequestBody UserRequest request) {
        User user = service.create(request);
        return ResponseEntity.created(fromCurrentRequestUri().path("/{id}").buildAndExpand(user.getId()).toUri())
                .body(user);
    }

    @GetMapping("/{id}")
    User get(@PathVariable @StorableId String id) {
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
    User update(@PathVariable @StorableId String id, @Valid @RequestBody UserRequest request) {
        if (request.version() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "'version' is required: send the version you read, so a concurrent change is not overwritten");
        }
        return service.update(id, request).orElseThrow(() -> notFound(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable @StorableId String id) {
        if (!service.delete(id)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    /** The user's orders, read through the {@code @OneToMany} relationship (the orders' userId index). */
    @GetMapping("/{id}/orders")
    List<Order> orders(@PathVariable @StorableId String id) {
        return get(id).getOrders();
    }

    private static ResponseStatusException notFound(String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No user with id '" + id + "'");
    }
}
