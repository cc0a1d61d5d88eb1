package io.filestore;

import java.time.Duration;

/**
 * No write transaction could begin within the wait asked for ({@link FileStore#begin(Duration)}):
 * another write transaction held the store's writer lock all along. Nothing was begun.
 */
public class TransactionTimeoutException extends FileStoreException {

    public TransactionTimeoutException(String dataDir, Duration maxWait) {
        super("No write transaction could begin on " + dataDir + " within " + maxWait.toMillis()
                + " ms: another write transaction held the store's writer lock");
    }
}
