package io.filestore;

import java.nio.file.Path;

/** The data folder is in use by another store, in this JVM or in another process. */
public class StoreLockedException extends FileStoreException {

    private final transient Path folder;

    public StoreLockedException(Path folder, String message, Throwable cause) {
        super(message, cause);
        this.folder = folder;
    }

    /** The locked data folder. */
    public Path folder() {
        return folder;
    }
}
