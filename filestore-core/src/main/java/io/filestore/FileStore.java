package io.filestore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.filestore.internal.store.Store;
import tools.jackson.databind.JsonNode;

/**
 * An embedded document store: collections of JSON records and global values, held in memory and
 * persisted to human-readable files in one data folder.
 *
 * <p>Open one with {@link #open(FileStoreOptions)}; close it to flush everything and release the
 * folder. One store per folder: a second open, from this JVM or another process, fails with
 * {@link StoreLockedException}.
 *
 * <p>Thread-safe. Reads never block on disk and wait for a writer at most for the few microseconds it
 * takes to apply a commit in memory. Writers are serialized: one write transaction at a time.
 */
public interface FileStore extends AutoCloseable {

    /**
     * Opens a store: locks the folder, loads every declared collection in parallel, replays an
     * interrupted flush, removes leftover temp files and checks the index files.
     *
     * @throws StoreLockedException when another store holds the folder
     * @throws StorageException when the folder cannot be read or written
     */
    static FileStore open(FileStoreOptions options) {
        return Store.open(options);
    }

    /** Opens a store on a folder with default options. */
    static FileStore open(Path dataDir) {
        return open(FileStoreOptions.builder(dataDir).build());
    }

    /** The data folder. */
    Path dataDir();

    /**
     * The named collection. A name that was not declared in the options gets default options
     * ({@code file-per-record}, no indexes) and is loaded from disk on first use.
     *
     * @throws InvalidOptionsException when the name is not a valid collection name
     */
    DocumentCollection collection(String name);

    /** The names of the collections declared or used so far. */
    Set<String> collectionNames();

    /**
     * Runs the work in a transaction and commits it; if the work throws, nothing it wrote is applied
     * and the exception propagates. Called inside another transaction on the same thread, it joins that
     * one (and a failure marks it rollback-only, so the outer commit fails). When the work calls
     * {@link Transaction#setRollbackOnly()}, nothing is applied and no exception is raised.
     *
     * @return what the work returned
     */
    <T extends @Nullable Object> T callInTransaction(Function<Transaction, T> work);

    /** As {@link #callInTransaction}, for work without a result. */
    default void runInTransaction(Consumer<Transaction> work) {
        callInTransaction(tx -> {
            work.accept(tx);
            return null;
        });
    }

    /**
     * Begins a transaction bound to this thread, for callers that cannot pass a block (such as a
     * transaction manager). End it with {@link Transaction#commit()} or {@link Transaction#rollback()}
     * on the same thread.
     *
     * @throws IllegalStateException when this thread already has one
     */
    Transaction begin();

    /**
     * As {@link #begin()}, waiting at most {@code maxWait} for the write transaction ahead of it (one
     * runs at a time): for callers with a deadline, such as a transaction manager's timeout.
     *
     * @throws TransactionTimeoutException when another write transaction held the store all along;
     *         nothing is begun
     * @throws FileStoreException when the thread is interrupted while waiting (its interrupt status is
     *         kept); nothing is begun
     * @throws IllegalStateException when this thread already has a transaction
     * @throws IllegalArgumentException when {@code maxWait} is negative
     */
    Transaction begin(Duration maxWait);

    /**
     * Begins a read-only transaction bound to this thread. Every read this thread makes through the
     * store's collections and values until it ends sees the store as it was when it began: commits
     * made meanwhile by other threads are not seen, so several reads agree with each other (snapshot
     * isolation). Every write this thread makes meanwhile fails with {@link ReadOnlyTransactionException}
     * and changes nothing.
     *
     * <p>It never waits for a write transaction and never holds one off; instead, each commit made
     * while it is open keeps, for it, the images of the records and values it changes, until it ends.
     * Keep it short. End it with {@link Transaction#commit()} or {@link Transaction#rollback()} (the
     * same: there is nothing to apply), on the same thread.
     *
     * @throws IllegalStateException when this thread already has a transaction
     * @throws StoreClosedException when the store is closed
     */
    Transaction beginReadOnly();

    /** The transaction open on this thread, if any. */
    Optional<Transaction> currentTransaction();

    /** A global value, or empty. */
    Optional<JsonNode> getValue(String key);

    /** A global value bound to a Java type, or empty. */
    <T> Optional<T> getValue(String key, Class<T> type);

    /** Sets a global value (any object Jackson can map; {@code null} is stored as JSON null). */
    void setValue(String key, @Nullable Object value);

    /** Deletes a global value; false when there was none. */
    boolean deleteValue(String key);

    /** The keys of every global value. */
    Set<String> valueKeys();

    /** Listens to committed changes of one global value. */
    Subscription onValue(String key, ValueListener listener);

    /** Listens to every committed transaction. */
    Subscription onTransaction(TransactionListener listener);

    /** Runs the hook in every write transaction before it commits; see {@link CommitHook}. */
    Subscription beforeCommit(CommitHook hook);

    /**
     * Writes every change made so far to disk now, durably, and returns when it is there. The
     * background flusher does the same every flush interval.
     */
    void flush();

    /**
     * Writes a consistent copy of the whole store into {@code target} while the store goes on serving
     * reads and writes: opening the copy (restore is opening it, or copying it back into place) gives
     * exactly the state after the transaction {@link BackupResult#sequence()}.
     *
     * <p>How: a flush, and while the flusher is held off (no record file changes then), a hard link
     * to every record, index and values file the store replaces by rename (the same inode: that version
     * of the file), a copy of every file appended in place (append-only collections), and a checkpoint
     * saying the files cover that flush. Where the target's file system cannot link to the data folder,
     * the links go into {@code _backup.staging} inside the data folder and are copied to the target after
     * the flusher is released; where no link is possible at all, files are copied while it waits. Writers
     * wait only if their backlog of unflushed changes fills up while the flusher is held. The copy is
     * marked incomplete ({@code _backup.incomplete}, which makes opening it fail) until its last file and
     * folder are durable. Memory-only collections, and collections whose files live outside the data
     * folder, are not in the copy ({@link BackupResult#notIncluded()}).
     *
     * @param target a folder that does not exist yet, or is empty, outside the data folder
     * @throws InvalidOptionsException when the target is anything else; nothing is written then
     * @throws StorageException when a file cannot be read or written; the copy stays marked incomplete
     * @throws StoreFencedException when the store is fenced; {@link StoreClosedException} when closed
     */
    default BackupResult backup(Path target) {
        return backup(target, BackupProgress.NONE);
    }

    /** As {@link #backup(Path)}, telling {@code progress} after each file. */
    BackupResult backup(Path target, BackupProgress progress);

    /** Health and statistics. */
    StoreStatus status();

    /**
     * Flushes, stops the flusher and releases the folder. A second close does nothing. The folder is
     * released even when this throws: a {@link StorageException} when the final flush fails, or a
     * {@link StoreFencedException} when the store was fenced (changes not yet flushed are then not
     * written; what the write-ahead log acknowledged is recovered at the next open).
     */
    @Override
    void close();
}
