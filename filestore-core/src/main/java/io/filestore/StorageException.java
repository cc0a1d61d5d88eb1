package io.filestore;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * The storage failed: the file system while reading or writing a file (the message names the file), or
 * the shared store's database ({@link SharedStoreUnavailableException}).
 */
public class StorageException extends FileStoreException {

    private final transient @Nullable Path path;

    public StorageException(String message, Path path, Throwable cause) {
        super(message + " (" + path + "): " + cause, cause);
        this.path = path;
    }

    /** A failure of storage that is not a file (the shared store's database); {@link #path()} is then null. */
    protected StorageException(String message, Throwable cause) {
        super(message, cause);
        this.path = null;
    }

    /** The file or folder involved; {@code null} when the storage is not a file (a shared store's database). */
    public @Nullable Path path() {
        return path;
    }
}
