package io.filestore.data.auditing.sample;

import java.time.Instant;

import org.springframework.data.annotation.CreatedBy;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedBy;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.Version;

import io.filestore.annotation.Document;

/** An immutable audited entity: every property is set through its wither. */
@Document("immutable-notes")
public final class ImmutableNote {
    @Id
    private final String id;
    private final String text;
    @Version
    private final Long version;
    @CreatedDate
    private final Instant createdAt;
    @LastModifiedDate
    private final Instant modifiedAt;
    @CreatedBy
    private final String createdBy;
    @LastModifiedBy
    private final String modifiedBy;

    public ImmutableNote(String id, String text, Long version, Instant createdAt, Instant modifiedAt, String createdBy,
                         String modifiedBy) {
        this.id = id;
        this.text = text;
        this.version = version;
        this.createdAt = createdAt;
        this.modifiedAt = modifiedAt;
        this.createdBy = createdBy;
        this.modifiedBy = modifiedBy;
    }

    public static ImmutableNote of(String text) {
        return new ImmutableNote(null, text, null, null, null, null, null);
    }

    public ImmutableNote withId(String id) {
        return new ImmutableNote(id, text, version, createdAt, modifiedAt, createdBy, modifiedBy);
    }

    public ImmutableNote withText(String text) {
        return new ImmutableNote(id, text, version, createdAt, modifiedAt, createdBy, modifiedBy);
    }

    public ImmutableNote withVersion(Long version) {
        return new ImmutableNote(id, text, version, createdAt, modifiedAt, createdBy, modifiedBy);
    }

    public ImmutableNote withCreatedAt(Instant createdAt) {
        return new ImmutableNote(id, text, version, createdAt, modifiedAt, createdBy, modifiedBy);
    }

    public ImmutableNote withModifiedAt(Instant modifiedAt) {
        return new ImmutableNote(id, text, version, createdAt, modifiedAt, createdBy, modifiedBy);
    }

    public ImmutableNote withCreatedBy(String createdBy) {
        return new ImmutableNote(id, text, version, createdAt, modifiedAt, createdBy, modifiedBy);
    }

    public ImmutableNote withModifiedBy(String modifiedBy) {
        return new ImmutableNote(id, text, version, createdAt, modifiedAt, createdBy, modifiedBy);
    }

    public String id() {
        return id;
    }

    public String text() {
        return text;
    }

    public Long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant modifiedAt() {
        return modifiedAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public String modifiedBy() {
        return modifiedBy;
    }
}
