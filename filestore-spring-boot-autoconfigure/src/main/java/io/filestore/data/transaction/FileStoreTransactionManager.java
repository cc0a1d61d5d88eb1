package io.filestore.data.transaction;

import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

import io.filestore.FileStore;
import io.filestore.FileStoreException;
import io.filestore.Transaction;
import io.filestore.data.core.FileStoreExceptionTranslator;

/**
 * Lets Spring's {@code @Transactional} (and {@code TransactionTemplate}) commit or roll back a FileStore
 * transaction, so several repository calls in one method are all or nothing: in memory, in the files,
 * in the indexes and in the write-ahead log.
 *
 * <p>A FileStore transaction is bound to its thread and holds the store's writer mutex until it ends,
 * so it is serializable whatever isolation is asked for. A read-only transaction opens no FileStore
 * transaction (every read is consistent on its own) and so never holds writers off. Suspending a
 * transaction ({@code REQUIRES_NEW}, {@code NOT_SUPPORTED} inside one) is not supported: a second
 * FileStore transaction on the thread would wait for the first.
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
        if (definition.isReadOnly()) {
            return;
        }
        try {
            ((Handle) transaction).transaction = store.begin();
        } catch (FileStoreException e) {
            throw new CannotCreateTransactionException("Could not begin a FileStore transaction: " + e.getMessage(),
                    translator.translate(e));
        }
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        Transaction transaction = ((Handle) status.getTransaction()).transaction;
        if (transaction == null) {
            return;
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
        if (transaction != null) {
            try {
                transaction.rollback();
            } catch (RuntimeException e) {
                throw new TransactionSystemException("Could not roll back the FileStore transaction", e);
            }
        }
    }

    @Override
    protected void doSetRollbackOnly(DefaultTransactionStatus status) {
        Transaction transaction = ((Handle) status.getTransaction()).transaction;
        if (transaction != null) {
            transaction.setRollbackOnly();
        }
    }

    @Override
    protected Object doSuspend(Object transaction) {
        throw new IllegalTransactionStateException("FileStore transactions cannot be suspended (REQUIRES_NEW or "
                + "NOT_SUPPORTED inside a transaction): one thread holds one FileStore transaction at a time");
    }

    @Override
    protected void doCleanupAfterCompletion(Object transaction) {
        ((Handle) transaction).transaction = null;
    }

    /** The FileStore transaction of one Spring transaction, or {@code null} when read-only. */
    private static final class Handle {
        Transaction transaction;

        Handle(Transaction transaction) {
            this.transaction = transaction;
        }
    }
}
