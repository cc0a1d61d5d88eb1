package io.filestore.data.auditing.sample;

import io.filestore.data.repository.FileStoreRepository;

public interface ImmutableNoteRepository extends FileStoreRepository<ImmutableNote, String> {
}
