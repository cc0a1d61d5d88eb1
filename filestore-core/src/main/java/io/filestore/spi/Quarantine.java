package io.filestore.spi;

import java.nio.file.Path;

/**
 * Where malformed files go: {@code <data-dir>/_quarantine/<collection>/<file name>}. A file moved there
 * is logged with its original path and listed in the store's status, never overwritten or lost.
 * Thread-safe.
 */
public interface Quarantine {

    /** Moves a malformed file of {@code collection} out of the way and reports it with {@code problem}. */
    void add(String collection, Path file, String problem);
}
