package io.filestore.sample.user;

import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.filestore.sample.audit.AuditTrail;

/**
 * Creates, updates and deletes users, each in one transaction with its audit entry: the user and its
 * entry are stored together or not at all.
 */
@Service
public class Users {

    private final UserRepository users;
    private final AuditTrail audit;

    Users(UserRepository users, AuditTrail audit) {
        this.users = users;
        this.audit = audit;
    }

    /**
     * Fails with {@link UnknownUserException} unless the user exists. Called inside a write transaction,
     * the answer holds until it commits: FileStore runs one write transaction at a time.
     */
    public void requireExisting(String id) {
        if (!users.existsById(id)) {
            throw new UnknownUserException(id);
        }
    }

    /** Stores a new user; a taken email fails the commit with a {@code DuplicateKeyException}. */
    @Transactional
    public User create(UserRequest request) {
        User user = users.save(new User(request.email(), request.username(), request.name()));
        audit.record("user.created", user.getId());
        return user;
    }

    /**
     * Replaces the user's fields; empty when there is no such user. A version other than the stored one
     * is refused with an {@link OptimisticLockingFailureException}.
     */
    @Transactional
    public Optional<User> update(String id, UserRequest request) {
        return users.findById(id).map(user -> {
            user.setEmail(request.email());
            user.setUsername(request.username());
            user.setName(request.name());
            user.setVersion(request.version());
            User saved = users.save(user);
            audit.record("user.updated", id);
            return saved;
        });
    }

    /** Deletes the user and, through the relationship's cascade, its orders; false when there was none. */
    @Transactional
    public boolean delete(String id) {
        if (!users.existsById(id)) {
            return false;
        }
        users.deleteById(id);
        audit.record("user.deleted", id);
        return true;
    }
}
