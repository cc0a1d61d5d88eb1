package io.filestore.data.repository;

import java.util.List;

public interface PostRepository extends FileStoreRepository<Post, String> {
    List<Post> findByTagIdsContaining(String tagId);
}
