package io.filestore.data.auditing.sample;

import java.time.Instant;

import org.springframework.data.annotation.CreatedBy;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedBy;
import org.springframework.data.annotation.LastModifiedDate;

import io.filestore.annotation.Document;

/** A mutable audited entity without a version: new while its id is null. */
@Document("notes")
public class Note {
    @Id
    public String id;
    public String text;
    @CreatedDate
    public Instant createdAt;
    @LastModifiedDate
    public Instant modifiedAt;
    @CreatedBy
    public String createdBy;
    @LastModifiedBy
    public String modifiedBy;

    public Note() {
    }

    public Note(String text) {
        this.text = text;
    }
}
