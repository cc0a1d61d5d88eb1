package io.filestore.data.rest;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

import io.filestore.annotation.Document;
import io.filestore.annotation.Indexed;

/** A book exported by Spring Data REST. */
@Document("books")
public class Book {
    @Id
    private String id;
    @Indexed
    private String title;
    @Indexed
    private String author;
    @Version
    private Long version;

    public Book() {
    }

    public Book(String title, String author) {
        this.title = title;
        this.author = author;
    }

    public String getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getAuthor() {
        return author;
    }

    public void setAuthor(String author) {
        this.author = author;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
