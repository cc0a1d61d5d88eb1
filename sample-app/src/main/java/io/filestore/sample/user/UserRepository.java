package io.filestore.sample.user;

import java.util.List;

import io.filestore.data.repository.FileStoreRepository;

/** Users; {@code findByEmail} is a lookup in the unique {@code email} index, never a scan. */
public interface UserRepository extends FileStoreRepository<User, String> {

    List<User> findByEmail(String email);
}
