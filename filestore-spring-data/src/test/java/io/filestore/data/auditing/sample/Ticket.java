package io.filestore.data.auditing.sample;

import java.time.Instant;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;

import io.filestore.annotation.Document;

/** An audited entity whose Long id comes from the collection's sequence. */
@Document("tickets")
public class Ticket {
    @Id
    public Long id;
    public String title;
    @CreatedDate
    public Instant createdAt;
    @LastModifiedDate
    public Instant modifiedAt;

    public Ticket() {
    }

    public Ticket(String title) {
        this.title = title;
    }
}
