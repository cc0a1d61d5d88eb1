package io.filestore;

import java.nio.file.Path;

/** The file system failed while reading or writing a file; the message names the file. */
public class StorageException extends FileStoreException {

    private final transient Path path;

    public StorageException(String message, Path path, Throwable cause) {
        super(message + " (" + path + "): " + cause, cause);
        this.path = path;
    }

    /** The file or folder involved. */
    public Path path() {
        return path;
    }
}
