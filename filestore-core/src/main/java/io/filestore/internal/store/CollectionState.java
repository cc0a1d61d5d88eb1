package io.filestore.internal.store;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import io.filestore.CollectionOptions;
import io.filestore.internal.index.CollectionIndexes;
import io.filestore.internal.json.Json;
import io.filestore.spi.CollectionPersister;

/**
 * The committed in-memory state of one collection: records as compact JSON, their indexes, and which
 * records and index files changed since the last flush.
 *
 * <p>Thread-safety: mutated only by the store's apply step (under the commit stamp's write lock) and
 * by the flusher (under its read lock); read by anyone. The maps are concurrent so that lock-free
 * readers never see a broken structure.
 */
final class CollectionState {

    private final CollectionOptions options;
    private final CollectionPersister persister;
    // replaced only by sizeForLoad, before the state is shared
    private Map<String, byte[]> records = new ConcurrentHashMap<>();
    private final CollectionIndexes indexes;
    private final Set<String> dirtyIds = ConcurrentHashMap.newKeySet();
    private final Set<String> flushingIds = ConcurrentHashMap.newKeySet();
    private final Set<String> dirtyIndexFields = ConcurrentHashMap.newKeySet();
    // when a flush last took the changed index files (System.nanoTime; 0 for never); the flusher's alone
    private long indexFilesTakenAt;
    private final @Nullable ExpiryQueue expiry;
    private final long ttlNanos;
    private final @Nullable Map<String, Long> writtenAt;

    CollectionState(CollectionOptions options, CollectionPersister persister, ExpiryQueue expiry) {
        this.options = options;
        this.persister = persister;
        this.indexes = new CollectionIndexes(options.indexed(), Set.copyOf(options.unique()));
        this.expiry = options.ttl() == null ? null : expiry;
        this.ttlNanos = options.ttl() == null ? 0 : options.ttl().toNanos();
        this.writtenAt = options.ttl() == null ? null : new ConcurrentHashMap<>();
    }

    /** Whether the record is still the one whose write the deadline was set for. */
    boolean isStillWrittenAt(String id, long time) {
        Long written = writtenAt == null ? null : writtenAt.get(id);
        return written != null && written == time;
    }

    String name() {
        return options.name();
    }

    CollectionOptions options() {
        return options;
    }

    CollectionPersister persister() {
        return persister;
    }

    CollectionIndexes indexes() {
        return indexes;
    }

    Map<String, byte[]> records() {
        return records;
    }

    /**
     * Sizes the empty record map for about {@code expected} records, so that loader threads filling it
     * do not keep growing it (a visible share of an open's time otherwise). Only while loading, before
     * the state is shared; a no-op once it holds records.
     */
    void sizeForLoad(int expected) {
        if (records.isEmpty()) {
            records = new ConcurrentHashMap<>(Math.max(16, (int) (expected / 0.75f) + 1));
        }
    }

    /** The committed record bytes, or {@code null}. */
    byte @Nullable [] committed(String id) {
        return records.get(id);
    }

    /** The keys of committed bytes in every index. */
    List<List<Object>> keysOf(byte @Nullable [] bytes, Json json) {
        return bytes == null || indexes.isEmpty() ? List.of() : indexes.keysOf(json.parse(bytes));
    }

    /** Applies one record's new image. Only under the commit stamp's write lock. */
    void apply(String id, byte[] after, List<List<Object>> oldKeys, List<List<Object>> newKeys) {
        apply(id, after, oldKeys, newKeys, false);
    }

    /** As {@link #apply(String, byte[], List, List)}; {@code onDisk}: the file holds it already, so no flush. */
    void apply(String id, byte[] after, List<List<Object>> oldKeys, List<List<Object>> newKeys, boolean onDisk) {
        if (after == null) {
            records.remove(id);
        } else {
            records.put(id, after);
        }
        if (expiry != null) {
            scheduleExpiry(id, after);
        }
        dirtyIndexFields.addAll(indexes.replace(id, oldKeys, newKeys));
        if (options.strategy().isPersistent() && !onDisk) {
            dirtyIds.add(id);
        }
    }

    private void scheduleExpiry(String id, byte[] after) {
        if (after == null) {
            writtenAt.remove(id);
            return;
        }
        long now = System.nanoTime();
        writtenAt.put(id, now);
        expiry.add(new ExpiryQueue.Deadline(now + ttlNanos, this, id, now));
    }

    /** Records a flush has taken from the dirty set and is writing now: their files are in motion. */
    Set<String> flushingIds() {
        return flushingIds;
    }

    Set<String> dirtyIds() {
        return dirtyIds;
    }

    /**
     * Whether a background flush may rewrite this collection's changed index files: the last flush that took
     * them did so at least {@code intervalNanos} before {@code now} (or none did). Flusher only.
     */
    boolean indexFilesDue(long now, long intervalNanos) {
        return indexFilesTakenAt == 0 || now - indexFilesTakenAt >= intervalNanos;
    }

    /** Notes that a flush took the changed index files at {@code now} (System.nanoTime). Flusher only. */
    void indexFilesTaken(long now) {
        indexFilesTakenAt = now == 0 ? 1 : now;
    }

    Set<String> dirtyIndexFields() {
        return dirtyIndexFields;
    }
}
