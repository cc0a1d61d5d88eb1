package io.filestore.internal.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

import io.filestore.FileStoreException;
import io.filestore.Transaction;
import io.filestore.TransactionTimeoutException;

/**
 * How a thread enters a transaction: it joins the one it has open, or begins one, waiting for the
 * writer mutex (at most {@code maxWait} when given), or takes a read-only snapshot that waits for
 * nothing. A write transaction just begun is ended again when the store takes no writes. Thread-safe.
 */
final class Transactions {

    private final Committer committer;
    private final Lifecycle lifecycle;
    private final Path dataDir;

    Transactions(Committer committer, Lifecycle lifecycle, Path dataDir) {
        this.committer = committer;
        this.lifecycle = lifecycle;
        this.dataDir = dataDir;
    }

    /** See {@link io.filestore.FileStore#callInTransaction}. */
    <T> T call(Function<Transaction, T> work) {
        TransactionBuffer outer = committer.current();
        if (outer != null) {
            try {
                return work.apply(outer);
            } catch (RuntimeException | Error e) {
                outer.markNestedFailure();
                throw e;
            }
        }
        TransactionBuffer tx = (TransactionBuffer) begin();
        try {
            T result = work.apply(tx);
            if (tx.isRollbackRequestedOnly()) {
                tx.rollback(); // like Spring's TransactionTemplate: an explicit request rolls back quietly
            } else if (!tx.isEnded()) {
                tx.commit();
            }
            return result;
        } finally {
            tx.rollback();
        }
    }

    Transaction begin() {
        return admitted(committer.begin());
    }

    Transaction begin(Duration maxWait) {
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative, not " + maxWait);
        }
        TransactionBuffer tx;
        try {
            tx = committer.begin(maxWait.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FileStoreException("Interrupted while waiting to begin a write transaction on " + dataDir, e);
        }
        if (tx == null) {
            throw new TransactionTimeoutException(dataDir.toString(), maxWait);
        }
        return admitted(tx);
    }

    Transaction beginReadOnly() {
        lifecycle.ensureOpen();
        return committer.beginReadOnly();
    }

    /** The transaction just begun, ended again when the store takes no writes. */
    private Transaction admitted(TransactionBuffer tx) {
        try {
            lifecycle.ensureWritable();
        } catch (RuntimeException e) {
            tx.rollback();
            throw e;
        }
        return tx;
    }
}
