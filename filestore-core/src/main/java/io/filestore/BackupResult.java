package io.filestore;

import java.util.List;

/**
 * What {@link FileStore#backup(java.nio.file.Path)} wrote: a copy of the store as it was after the
 * transaction with sequence {@code sequence}.
 *
 * @param sequence    the last transaction the copy holds: opening it gives exactly the state after it
 * @param files       files in the copy (record, index and values files, the layout manifest, the log's
 *                    checkpoint, quarantined files)
 * @param bytes       their total size
 * @param linked      files taken as hard links (no bytes copied; the data folder and the copy share them
 *                    until the store replaces its file)
 * @param copied      files whose bytes were copied
 * @param notIncluded what the copy does not hold, one line each with the reason: memory-only collections,
 *                    collections whose files live outside the data folder
 */
public record BackupResult(long sequence, int files, long bytes, int linked, int copied, List<String> notIncluded) {

    public BackupResult {
        notIncluded = List.copyOf(notIncluded);
    }
}
