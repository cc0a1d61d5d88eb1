package io.filestore;

/**
 * A transaction, bound to the thread that began it: a write transaction ({@link FileStore#begin()}),
 * or a read-only one ({@link FileStore#beginReadOnly()}, described there).
 *
 * <p>While it is open, every write this thread makes through the store's collections and values is
 * buffered in it, and every read this thread makes sees those buffered writes. {@link #commit()}
 * applies them all at once, or none if a constraint fails. Other threads never see a part of it.
 *
 * <p>Transactions are serializable: the store runs one write transaction at a time (readers never
 * wait for it), so what a transaction reads cannot change under it. Keep them short.
 *
 * <p>Not thread-safe: use it only on the thread that began it. Work handed to another thread is not
 * part of the transaction.
 */
public interface Transaction extends AutoCloseable {

    /**
     * Applies every buffered write atomically and ends the transaction.
     *
     * @return what was committed (empty when nothing changed)
     * @throws UniqueConstraintException when a unique index would get a duplicate; nothing is applied
     * @throws FileStoreException when the transaction was marked rollback-only; nothing is applied
     */
    ChangeSet commit();

    /** Discards every buffered write and ends the transaction. Harmless when already ended. */
    void rollback();

    /**
     * Makes the transaction roll back instead of committing: a block run by
     * {@code FileStore.runInTransaction} then ends quietly with nothing applied, and an explicit
     * {@link #commit()} fails.
     */
    void setRollbackOnly();

    /** Whether {@link #setRollbackOnly()} was called, or a nested block failed. */
    boolean isRollbackOnly();

    /** Whether it is read-only: it reads a snapshot and refuses writes ({@link FileStore#beginReadOnly()}). */
    boolean isReadOnly();

    /** Whether commit or rollback has ended it. */
    boolean isEnded();

    /** Rolls back unless committed. */
    @Override
    void close();
}
