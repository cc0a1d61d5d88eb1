package io.filestore.data.auditing.sample;

import io.filestore.data.repository.FileStoreRepository;

public interface NoteRepository extends FileStoreRepository<Note, String> {
}
