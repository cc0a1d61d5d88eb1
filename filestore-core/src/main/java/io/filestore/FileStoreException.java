package io.filestore;

/**
 * The root of every error FileStore raises. Unchecked; messages name the collection, id, file and
 * offset involved where there is one.
 */
public class FileStoreException extends RuntimeException {

    public FileStoreException(String message) {
        super(message);
    }

    public FileStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
