package io.filestore;

/**
 * The write-ahead log could not make a write durable (for example ENOSPC or EIO on append or fsync).
 * The write was not acknowledged and the store is now fenced (read-only); reopening it recovers the
 * durable state.
 */
public class WriteAheadLogException extends FileStoreException {

    public WriteAheadLogException(String message, Throwable cause) {
        super(message, cause);
    }
}
