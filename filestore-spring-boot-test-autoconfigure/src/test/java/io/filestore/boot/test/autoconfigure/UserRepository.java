package io.filestore.boot.test.autoconfigure;

import java.util.Optional;

import io.filestore.data.repository.FileStoreRepository;

public interface UserRepository extends FileStoreRepository<User, String> {
    Optional<User> findByEmail(String email);
}
