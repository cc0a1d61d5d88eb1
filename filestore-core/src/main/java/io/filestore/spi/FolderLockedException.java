package io.filestore.spi;

import java.io.IOException;
import java.nio.file.Path;

/** Thrown when a data folder is already locked by another store, in this JVM or another process. */
public class FolderLockedException extends IOException {

    private final transient Path folder;

    public FolderLockedException(Path folder, String detail) {
        super("Data folder " + folder + " is locked " + detail
                + "; only one FileStore may use a folder at a time. Close the other store or choose another folder.");
        this.folder = folder;
    }

    /** The folder that could not be locked. */
    public Path folder() {
        return folder;
    }
}
