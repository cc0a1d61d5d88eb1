package io.filestore;

import java.nio.file.Path;

/**
 * The folder holds a backup that never completed (the process taking it stopped, or the backup failed):
 * its marker file {@code _backup.incomplete} is still there, so what the folder holds is not a copy of
 * one moment of the store. Nothing was opened or changed; take the backup again.
 */
public class IncompleteBackupException extends FileStoreException {

    private final transient Path folder;

    public IncompleteBackupException(Path folder, Path marker) {
        super("The folder " + folder + " holds an incomplete backup (" + marker.getFileName() + " is there: the backup"
                + " stopped before it was done); it is not opened. Take the backup again into a new or empty folder");
        this.folder = folder;
    }

    /** The folder holding the incomplete backup. */
    public Path folder() {
        return folder;
    }
}
