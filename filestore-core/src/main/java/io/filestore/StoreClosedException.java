package io.filestore;

/** An operation on a store that has been closed. */
public class StoreClosedException extends FileStoreException {

    public StoreClosedException(String dataDir) {
        super("FileStore on " + dataDir + " is closed");
    }
}
