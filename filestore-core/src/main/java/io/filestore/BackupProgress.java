package io.filestore;

/**
 * Hears how far a {@link FileStore#backup(java.nio.file.Path, BackupProgress)} has come, for a progress
 * bar. Called on the thread that runs the backup, after each file; keep it short.
 */
@FunctionalInterface
public interface BackupProgress {

    /** A listener that ignores everything. */
    BackupProgress NONE = (done, total) -> { };

    /**
     * @param done  files in the copy so far
     * @param total files the copy will hold
     */
    void filesDone(long done, long total);
}
