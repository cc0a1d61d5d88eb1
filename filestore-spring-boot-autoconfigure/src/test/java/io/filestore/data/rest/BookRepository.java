package io.filestore.data.rest;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.query.Param;

import io.filestore.data.repository.FileStoreRepository;

/** Books, with two search methods for Spring Data REST. */
public interface BookRepository extends FileStoreRepository<Book, String> {
    List<Book> findByAuthor(@Param("author") String author);

    Page<Book> findByTitleStartingWith(@Param("prefix") String prefix, Pageable pageable);
}
