package io.filestore.starter;

import io.filestore.data.repository.FileStoreRepository;

public interface Accounts extends FileStoreRepository<Account, String> {
}
