package io.filestore.internal.wal;

import org.jspecify.annotations.Nullable;

/**
 * One change of a transaction or a flush batch, carrying the full new image so that applying it is
 * idempotent.
 *
 * @param kind       what it does
 * @param collection the collection, or {@code null} for global values
 * @param id         the record id or value key (empty for {@link Kind#CLEAR_VALUES})
 * @param payload    the compact JSON image, or {@code null} for deletions
 */
public record ChangeEntry(Kind kind, String collection, String id, byte[] payload) {

    /** What an entry does. */
    public enum Kind {
        /** Puts a record (collection, id, JSON). */
        PUT_RECORD,
        /** Deletes a record (collection, id). */
        DELETE_RECORD,
        /** Sets a global value (key in {@code id}, JSON). */
        PUT_VALUE,
        /** Deletes a global value (key in {@code id}). */
        DELETE_VALUE,
        /** Removes every global value; {@code PUT_VALUE} entries that follow set them again. */
        CLEAR_VALUES;

        boolean hasPayload() {
            return this == PUT_RECORD || this == PUT_VALUE;
        }
    }

    /** A record put or deletion ({@code bytes == null}). */
    public static ChangeEntry record(String collection, String id, byte @Nullable [] bytes) {
        return new ChangeEntry(bytes == null ? Kind.DELETE_RECORD : Kind.PUT_RECORD, collection, id, bytes);
    }

    /** A value put or deletion ({@code bytes == null}). */
    public static ChangeEntry value(String key, byte[] bytes) {
        return new ChangeEntry(bytes == null ? Kind.DELETE_VALUE : Kind.PUT_VALUE, null, key, bytes);
    }
}
