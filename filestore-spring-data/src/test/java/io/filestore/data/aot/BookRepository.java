package io.filestore.data.aot;

import java.util.List;

import io.filestore.data.repository.FileStoreRepository;

/** A repository of the context processed ahead of time in {@link FileStoreAotIntegrationTests}. */
public interface BookRepository extends FileStoreRepository<Book, String> {
    List<Book> findByAuthor(String author);

    List<BookTitle> findTitlesByAuthor(String author);
}
