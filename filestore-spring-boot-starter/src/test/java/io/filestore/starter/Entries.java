package io.filestore.starter;

import io.filestore.data.repository.FileStoreRepository;

public interface Entries extends FileStoreRepository<Entry, String> {
}
