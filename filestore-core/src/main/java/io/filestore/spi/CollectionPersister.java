package io.filestore.spi;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.node.ObjectNode;

/**
 * How one collection's records reach the disk and come back. One implementation per strategy, which
 * the store picks from the collection's options, unless their {@code persister} (a
 * {@link PersisterFactory}) makes one.
 *
 * <p>The store calls {@link #load} once at open, then {@link #stage} from its single flusher thread;
 * implementations need not be thread-safe beyond that, except that {@code load} may call the sink
 * from several threads at once.
 */
public interface CollectionPersister {

    /**
     * Receives the records found on disk, each id once (a persister that finds an id twice, as in a log,
     * hands over the last); may be called concurrently.
     */
    @FunctionalInterface
    interface RecordSink {

        /** A record as a tree (the sink may keep it). */
        void accept(String id, ObjectNode record);

        /**
         * A hint, before any record, that about this many records are coming, so that the sink can
         * size its maps once instead of growing them while loader threads fill them. Default: ignored.
         */
        default void expect(int records) {
        }

        /**
         * The top-level fields the sink needs of each record as trees (those its indexes start with);
         * empty when it needs none. A persister that holds records as bytes can then copy each to
         * compact JSON and build trees of only these fields in the same pass (as the built-in persisters
         * do), and hand both to {@link #acceptCompact}. Default: none.
         */
        default Set<String> treeFields() {
            return Set.of();
        }

        /**
         * A record as compact JSON bytes of one object, with {@code fields} holding trees of those of
         * its {@link #treeFields} it has, which lets the store skip building a tree of the whole record.
         * By default the bytes are parsed and passed to {@link #accept}.
         */
        default void acceptCompact(String id, byte[] compactJson, ObjectNode fields, JsonCodec json) {
            accept(id, json.parseObject(compactJson));
        }
    }

    /**
     * Creates the collection's folders, removes leftover temp files and reads every record into the
     * sink. A malformed record file is reported and quarantined, never loaded, and does not stop the
     * other records from loading.
     */
    void load(RecordSink sink);

    /**
     * Adds to {@code batch} the file operations that store the changes: {@code changes} maps each
     * changed id to its compact JSON, or to {@code null} when the record was deleted.
     * {@code allRecords} holds every record of the collection at the same instant when
     * {@link #needsAllRecords} asked for it, and is {@code null} otherwise.
     */
    void stage(Map<String, byte[]> changes, @Nullable Map<String, byte[]> allRecords, FileBatch batch);

    /**
     * As {@link #stage(Map, Map, FileBatch)}, for a flush whose files the write-ahead log's checkpoint
     * covers once it reaches {@code checkpoint}: the checkpoint reaches it only after every file of this
     * flush is complete, and is below it now. A layout that appends can write it beside what it
     * appends, so that at open an append cut short by a crash can be told from later damage
     * ({@link PersistContext#checkpointAtOpen}). By default it is ignored.
     */
    default void stage(long checkpoint, Map<String, byte[]> changes, Map<String, byte[]> allRecords, FileBatch batch) {
        stage(changes, allRecords, batch);
    }

    /**
     * Whether the next {@link #stage} needs every record (a strategy that rewrites the whole file),
     * given how many the collection holds. Default: no.
     */
    default boolean needsAllRecords(int recordCount) {
        return false;
    }

    /** The folder of the collection's JSONL index files, or {@code null} when indexes are not persisted. */
    @Nullable Path indexFolder();

    /**
     * Adds to {@code batch} the deletion of every file this layout holds (records and index files),
     * once its records were moved to another layout. {@code ids} are the records it held.
     */
    void stageRemoval(Set<String> ids, FileBatch batch);
}
