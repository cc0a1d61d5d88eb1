package io.filestore;

/**
 * A write made on a thread whose transaction is read-only ({@link FileStore#beginReadOnly()}). Nothing
 * was written; the transaction stays open and keeps its snapshot.
 */
public class ReadOnlyTransactionException extends FileStoreException {

    private ReadOnlyTransactionException(String message) {
        super(message);
    }

    /** A write of one record of a collection. */
    public static ReadOnlyTransactionException record(String collection, String id) {
        return new ReadOnlyTransactionException("Cannot write record '" + id + "' of collection '" + collection
                + "': this thread's FileStore transaction is read-only");
    }

    /** A write of a global value. */
    public static ReadOnlyTransactionException value(String key) {
        return new ReadOnlyTransactionException("Cannot write value '" + key
                + "': this thread's FileStore transaction is read-only");
    }
}
