package io.filestore;

/**
 * A write to a store that fenced itself: after a write-ahead log failure, or once its folder lock no
 * longer guarded the folder (the lock file was deleted or replaced). Reads still work; close and
 * reopen the store to recover.
 */
public class StoreFencedException extends FileStoreException {

    public StoreFencedException(String dataDir, String reason) {
        super("FileStore on " + dataDir + " is read-only: " + reason + "; close and reopen it to recover");
    }
}
