package io.filestore.data.repository;

public interface TagRepository extends FileStoreRepository<Tag, String> {
}
