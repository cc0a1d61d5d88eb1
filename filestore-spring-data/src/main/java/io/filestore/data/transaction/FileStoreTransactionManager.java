package io.filestore.data.transaction;

import java.time.Duration;
import java.time.Instant;

import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.SmartTransactionObject;

import io.filestore.FileStore;
import io.filestore.FileStoreException;
import io.filestore.Transaction;
import io.filestore.TransactionTimeoutException;
import io.filestore.data.core.FileStoreExceptionTranslator;

/**
 * Lets Spring's {@code @Transactional} (and {@code TransactionTemplate}) commit or roll back a FileStore
 * transaction, so several repository calls in one method are all or nothing: in memory, in the files,
 * in the indexes and in the write-ahead log.
 *
 * <p>The transaction definition is honoured as Spring's own transaction managers do:
 * <ul>
 *   <li>A write transaction is bound to its thread and holds the store's writer lock until it ends,
 *       so it is serializable whatever isolation is asked for.</li>
 *   <li>{@code readOnly} begins a read-only FileStore transaction ({@link FileStore#beginReadOnly()}):
 *       its reads see one snapshot of the store, taken when it began, and it never holds writers off;
 *       a write in it fails with {@code InvalidDataAccessApiUsageException} (through a repository or
 *       the template; {@code ReadOnlyTransactionException} through the store) and changes nothing.</li>
 *   <li>{@code timeout} (or the manager's default timeout, {@code spring.transaction.default-timeout}
 *       in Spring Boot) is a deadline from the moment the transaction is asked for: the wait for the
 *       writer lock ends at the deadline with a {@link TransactionTimedOutException}, and a commit
 *       after the deadline rolls back and throws one too. A read-only transaction takes no lock and
 *       has nothing to commit, so it has no deadline.</li>
 *   <li>A participating method that fails marks the transaction rollback-only; the outer commit then
 *       rolls back and throws {@code UnexpectedRollbackException}. So does a failed
 *       {@code FileStore.runInTransaction} block inside the transaction.</li>
 * </ul>
 * Suspending a transaction ({@code REQUIRES_NEW}, {@code NOT_SUPPORTED} inside one) is not supported: a
 * second FileStore transaction on the thread would wait for the first.
 */
public class FileStoreTransactionManager extends AbstractPlatformTransactionManager {

    private final FileStore store;
    private final FileStoreExceptionTranslator translator = new FileStoreExceptionTranslator();

    public FileStoreTransactionManager(FileStore store) {
        this.store = store;
        setNestedTransactionAllowed(false);
    }

    /** The store whose transactions this manages. */
    public FileStore store() {
        return store;
    }

    @Override
    protected Object doGetTransaction() {
        return new Handle(store.currentTransaction().orElse(null));
    }

    @Override
    protected boolean isExistingTransaction(Object transaction) {
        return ((Handle) transaction).transaction != null;
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        Handle handle = (Handle) transaction;
        try {
            if (definition.isReadOnly()) {
                handle.transaction = store.beginReadOnly();
                return;
            }
            int timeout = determineTimeout(definition);
            if (timeout == TransactionDefinition.TIMEOUT_DEFAULT) {
                handle.transaction = store.begin();
                return;
            }
            handle.setDeadline(timeout);
            handle.transaction = store.begin(Duration.ofSeconds(timeout));
        } catch (TransactionTimeoutException e) {
            throw new TransactionTimedOutException("Transaction timed out: deadline was " + handle.deadline
                    + " (timeout " + determineTimeout(definition) + " s). " + e.getMessage(), e);
        } catch (FileStoreException e) {
            throw new CannotCreateTransactionException("Could not begin a FileStore transaction: " + e.getMessage(),
                    translator.translate(e));
        }
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        Handle handle = (Handle) status.getTransaction();
        Transaction transaction = handle.transaction;
        if (handle.isPastDeadline()) {
            transaction.rollback();
            throw new TransactionTimedOutException("Transaction timed out: deadline was " + handle.deadline
                    + "; it was rolled back instead of committed");
        }
        try {
            transaction.commit();
        } catch (FileStoreException e) {
            throw translator.translate(e);
        }
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {
        Transaction transaction = ((Handle) status.getTransaction()).transaction;
        try {
            transaction.rollback();
        } catch (RuntimeException e) {
            throw new TransactionSystemException("Could not roll back the FileStore transaction", e);
        }
    }

    @Override
    protected void doSetRollbackOnly(DefaultTransactionStatus status) {
        ((Handle) status.getTransaction()).transaction.setRollbackOnly();
    }

    @Override
    protected Object doSuspend(Object transaction) {
        throw new IllegalTransactionStateException("FileStore transactions cannot be suspended (REQUIRES_NEW or "
                + "NOT_SUPPORTED inside a transaction): one thread holds one FileStore transaction at a time");
    }

    @Override
    protected void doCleanupAfterCompletion(Object transaction) {
        Handle handle = (Handle) transaction;
        // a commit that failed before reaching the store leaves it open: the writer lock must not stay held
        if (handle.transaction != null && !handle.transaction.isEnded()) {
            handle.transaction.rollback();
        }
        handle.transaction = null;
    }

    /**
     * The FileStore transaction of one Spring transaction, and its deadline when it has a timeout. As a
     * {@link SmartTransactionObject} it tells Spring when a participant marked it rollback-only, which
     * turns the outer commit into an {@code UnexpectedRollbackException}.
     */
    private static final class Handle implements SmartTransactionObject {
        Transaction transaction;
        Instant deadline;
        private long deadlineNanos;

        Handle(Transaction transaction) {
            this.transaction = transaction;
        }

        void setDeadline(int timeoutSeconds) {
            deadline = Instant.now().plusSeconds(timeoutSeconds);
            deadlineNanos = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        }

        boolean isPastDeadline() {
            return deadline != null && System.nanoTime() - deadlineNanos > 0;
        }

        @Override
        public boolean isRollbackOnly() {
            return transaction != null && transaction.isRollbackOnly();
        }

        @Override
        public void flush() {
            // writes are buffered in the FileStore transaction until it commits: nothing to flush
        }
    }
}
