package io.filestore.internal.store;

import java.util.List;

import io.filestore.ChangeSet;
import io.filestore.internal.wal.WriteAheadLog;

/**
 * What committing a transaction applied: its changes and, for a logged one, the log whose fsync must
 * cover it before it is acknowledged ({@code null} when there is nothing to wait for).
 */
record Applied(ChangeSet changes, WriteAheadLog log) {

    static Applied nothing(long sequence) {
        return new Applied(new ChangeSet(sequence, List.of(), List.of()), null);
    }

    boolean isLogged() {
        return log != null;
    }

    /** Waits (outside the writer mutex, so others can join the same fsync) until the log made it durable. */
    void awaitDurable() {
        if (log != null) {
            log.awaitDurable(changes.sequence());
        }
    }
}
