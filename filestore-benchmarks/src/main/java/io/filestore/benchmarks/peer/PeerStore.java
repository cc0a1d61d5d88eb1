package io.filestore.benchmarks.peer;

import java.nio.file.Path;
import java.util.List;

/**
 * One peer store behind the operations the benchmark suite measures, on {@link PeerRecord}s.
 * Every write is its own transaction and commits as the store's {@link CommitMode} says. Every
 * implementation indexes {@code email} (unique) and {@code age}, so the lookups are index lookups,
 * as they are for FileStore; the SQL peers index {@code username} too for the pages, when asked.
 * Implementations are thread-safe.
 */
public interface PeerStore extends AutoCloseable {

    /** Inserts a new record in one transaction. */
    void insert(PeerRecord record);

    /** Replaces the existing record with the same id in one transaction, its index entries with it. */
    void update(PeerRecord record);

    /**
     * Inserts records {@code 0 .. count-1} in large transactions: the set-up of the read
     * benchmarks, not a measured workload.
     */
    void load(int count);

    /** The record's JSON (or the store's own document object); null when there is none. */
    Object get(String id);

    /** The records whose {@code email} equals {@code email}: one or none. */
    List<?> findByEmail(String email);

    /** The 10 records with the smallest {@code age} that is at least {@code minAge}, by age ascending. */
    List<?> ageAtLeastTop10(int minAge);

    /**
     * Indexes {@code username}, as an application that pages by it would (the read benchmarks do it after
     * the load; the writes and the footprint keep the two indexes every store has); does nothing for a
     * peer that does not page here.
     */
    void indexForPages();

    /**
     * The {@code limit} records after the first {@code offset} in ascending order of {@code field}:
     * {@code username} (indexed after {@link #indexForPages}) or {@code name} (never indexed), as the
     * store's users would ask for a page; empty past the end.
     *
     * @throws UnsupportedOperationException for a peer whose adapter does not page (H2 MVStore, Nitrite:
     *                                       the suite pages the SQL peers only)
     * @throws IllegalArgumentException      for another field
     */
    List<?> page(String field, int offset, int limit);

    /** How many records the store holds. */
    long count();

    /** The folder holding the store's files, for disk bytes per record. */
    Path folder();

    /** Closes the store, committing what is pending; the files stay. */
    @Override
    void close();

    /**
     * Opens (or creates) the named peer in {@code folder}: {@code sqlite}, {@code h2-sql} (H2 through
     * JDBC, {@link CommitMode#WRITE} only), {@code h2-mvstore} or {@code nitrite}.
     *
     * @throws IllegalArgumentException for another name, or {@code h2-sql} with {@link CommitMode#FSYNC}
     */
    static PeerStore open(String peer, Path folder, CommitMode mode) {
        return switch (peer) {
            case "sqlite" -> new SqlPeer(SqlPeer.Dialect.SQLITE, folder, mode);
            case "h2-sql" -> new SqlPeer(SqlPeer.Dialect.H2, folder, mode);
            case "h2-mvstore" -> new H2MvStorePeer(folder, mode);
            case "nitrite" -> new NitritePeer(folder, mode);
            default -> throw new IllegalArgumentException(
                    "unknown peer " + peer + "; use sqlite, h2-sql, h2-mvstore or nitrite");
        };
    }
}
