package io.filestore.sample.session;

import io.filestore.data.repository.FileStoreRepository;

/** Sessions, held in memory only. */
public interface SessionRepository extends FileStoreRepository<Session, String> {
}
