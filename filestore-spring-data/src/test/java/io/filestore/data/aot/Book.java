package io.filestore.data.aot;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

import io.filestore.annotation.Document;
import io.filestore.annotation.Indexed;

/** An entity of the context processed ahead of time in {@link FileStoreAotIntegrationTests}. */
@Document("books")
public class Book {
    @Id
    public String id;
    public String title;
    @Indexed
    public String author;
    @Version
    public Long version;

    public Book() {
    }

    public Book(String title, String author) {
        this.title = title;
        this.author = author;
    }
}
