package io.filestore.sample.session;

import java.time.Instant;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;

import io.filestore.annotation.Document;
import io.filestore.annotation.Indexed;

/** A login session: {@code memory-only}, so it is never written to disk and expires after the collection's TTL. */
@Document("sessions")
public class Session {

    @Id
    private String id;
    @Indexed
    private String userId;
    @CreatedDate
    private Instant createdAt;

    public Session() {
    }

    public Session(String userId) {
        this.userId = userId;
    }

    public String getId() {
        return id;
    }

    public String getUserId() {
        return userId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
