package io.filestore.spi;

import java.nio.file.Path;

/**
 * Writes files all-or-nothing: a new content goes to a temporary file beside its target, is forced, and
 * is renamed over the target, so that a reader never sees half a file. Thread-safe.
 */
public interface AtomicFileWriter {

    /**
     * Replaces {@code target} with {@code content} atomically and durably (the folder is forced too).
     *
     * @throws io.filestore.StorageException naming the file when it cannot be written
     */
    void replace(Path target, byte[] content);

    /**
     * Applies a whole batch of writes, appends and deletions, each atomically, then forces every folder
     * it touched once.
     *
     * @throws io.filestore.StorageException naming the first file that failed
     */
    void apply(FileBatch batch);

    /**
     * Deletes the temporary files that a crash left in {@code folder} (not in its subfolders); a missing
     * folder has none.
     *
     * @return how many were deleted
     */
    int deleteTempFiles(Path folder);
}
