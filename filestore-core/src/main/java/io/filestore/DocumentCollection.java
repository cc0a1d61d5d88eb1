package io.filestore;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.node.ObjectNode;

/**
 * A collection of JSON object records keyed by string ids. Reads are served from memory and never
 * touch the disk; writes are applied in memory at once and reach the disk as the collection's
 * strategy says.
 *
 * <p>Every read returns fresh objects the caller owns. A write made on a thread with an open
 * {@link Transaction} joins that transaction; otherwise it commits on its own.
 *
 * <p>Ids are validated by {@link io.filestore.spi.RecordFileNames}: {@code null}, empty, overlong
 * ids and ids with control characters are refused with {@link InvalidIdException}; any other string
 * is stored safely.
 *
 * <p>Thread-safe. A single-record read never blocks. Multi-record reads (lookups, {@link #ids()},
 * {@link #forEach}) see whole transactions only.
 */
public interface DocumentCollection {

    /** The collection's name. */
    String name();

    /** The collection's options. */
    CollectionOptions options();

    /** The record, or empty when there is none. */
    Optional<ObjectNode> get(String id);

    /** The record bound to a Java type through the store's Jackson mapper, or empty. */
    <T> Optional<T> get(String id, Class<T> type);

    /** The record as compact JSON text, or empty. */
    Optional<String> getJson(String id);

    /** Whether the record exists. */
    boolean exists(String id);

    /** How many records the collection holds. */
    int count();

    /** A copy of every id, in no particular order. */
    Set<String> ids();

    /** Calls the action for every record (a consistent snapshot taken at the call). */
    void forEach(BiConsumer<String, ObjectNode> action);

    /**
     * As {@link #forEach(BiConsumer)}, each record holding only the named top-level fields (those it
     * has): a scan that reads what a sort or a filter needs without a tree of each whole record.
     */
    void forEach(Set<String> fields, BiConsumer<String, ObjectNode> action);

    /**
     * Inserts or replaces the record. {@code record} is a Jackson {@code ObjectNode} or any object
     * that maps to a JSON object.
     *
     * @throws UniqueConstraintException when a unique field's value is taken; nothing changes
     */
    void put(String id, Object record);

    /** Inserts a record under a new random UUID and returns the id. */
    String add(Object record);

    /**
     * Merges fields into an existing record, as a JSON merge patch (RFC 7386): the patch's fields
     * replace the record's, nested objects merge, and a {@code null} removes the field.
     *
     * @return false when there is no such record (nothing is written)
     */
    boolean update(String id, Object patch);

    /** Deletes the record; false when there was none. */
    boolean delete(String id);

    /** Whether the field has an index. */
    boolean isIndexed(String field);

    /**
     * The ids of the records whose indexed field equals the value (for an array field: contains it).
     * O(1) through the hash index.
     *
     * @throws IllegalArgumentException when the field is not indexed (lookups never scan)
     */
    List<String> findIds(String field, Object value);

    /** The records whose indexed field equals the value, as {@link #findIds}. */
    List<ObjectNode> find(String field, Object value);

    /**
     * The ids of the records whose indexed field lies in the range, ascending by the field; a
     * {@code null} bound is open. O(log n + k) through the sorted index.
     *
     * @throws IllegalArgumentException when the field is not indexed
     */
    List<String> findIdsInRange(String field, @Nullable Object from, boolean fromInclusive, @Nullable Object to, boolean toInclusive);

    /**
     * The first entries (key and id) of the range in the field's order, ascending or descending, at most
     * {@code limit} of them: O(log n + limit), for reading a range until enough rows are found. Keys are
     * the index's keys (see {@link IndexEntry#key()}); ids of one key come in ascending id order (the last
     * key's may be cut: then its smallest ids come), so a larger limit only adds entries at the end; a
     * record with several keys in the range appears once per key.
     *
     * @throws IllegalArgumentException when the field is not indexed
     */
    default List<IndexEntry> findEntriesInRange(String field, @Nullable Object from, boolean fromInclusive,
                                                @Nullable Object to, boolean toInclusive, boolean descending, int limit) {
        return findEntriesInRange(field, from, fromInclusive, to, toInclusive, descending, 0, limit);
    }

    /**
     * As {@link #findEntriesInRange(String, Object, boolean, Object, boolean, boolean, int)}, after the
     * first {@code offset} entries, which the index counts without making them: a deep page reads only
     * its own entries. O(log n + keys up to the offset + limit).
     *
     * @throws IllegalArgumentException when the field is not indexed, or the offset or limit is negative
     */
    List<IndexEntry> findEntriesInRange(String field, @Nullable Object from, boolean fromInclusive, @Nullable Object to,
                                        boolean toInclusive, boolean descending, int offset, int limit);

    /**
     * As {@link #findEntriesInRange(String, Object, boolean, Object, boolean, boolean, int, int)}, each entry
     * with its record's stored JSON text (as {@link #getJson} gives it), both read in one consistent step:
     * no commit falls between reading an entry and its record, so each text has the key its entry shows.
     * For a caller that passes records on as JSON, which then parses none. A record deleted meanwhile
     * cannot appear: entries and records are read together.
     *
     * @throws IllegalArgumentException when the field is not indexed, or the offset or limit is negative
     */
    List<Map.Entry<IndexEntry, String>> findJsonInRange(String field, @Nullable Object from, boolean fromInclusive,
                                                        @Nullable Object to, boolean toInclusive, boolean descending,
                                                        int offset, int limit);

    /**
     * Whether every record of the collection, as this thread sees it (its transaction included), has
     * exactly one key in the field's index: the field is present, not null, and not an array of several
     * values. Then the index read in order is every record once, in the order a sort by the field gives,
     * and an ordered page can be read from it without a sort. O(1) plus this thread's pending writes.
     *
     * @throws IllegalArgumentException when the field is not indexed
     */
    boolean hasOneKeyPerRecord(String field);

    /** Listens to every committed change of this collection. */
    Subscription onChange(CollectionListener listener);

    /** Listens to committed changes of one record. */
    Subscription onRecord(String id, RecordListener listener);
}
