package io.filestore.spi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.filestore.internal.io.NioStorageIO;

/**
 * Every disk operation FileStore performs. The default implementation is {@link #nio()}; tests swap
 * in implementations that fail, tear writes or forget unsynced data, so that every crash point of the
 * write path can be exercised.
 *
 * <p>Implementations must be thread-safe. Methods throw {@link IOException} exactly as the
 * underlying file system reports it; callers translate them into {@code FileStoreException}s that name
 * the file involved.
 */
public interface StorageIO {

    /** The real file system through {@code java.nio}. */
    static StorageIO nio() {
        return NioStorageIO.INSTANCE;
    }

    /** Creates the folder and any missing parents; does nothing when it exists. */
    void createDirectories(Path dir) throws IOException;

    /** Whether a file or folder exists at the path. */
    boolean exists(Path path);

    /** Whether the path is an existing folder. */
    boolean isDirectory(Path path);

    /** The entries of a folder (files and folders), in no particular order; empty when it is missing. */
    List<Path> list(Path dir) throws IOException;

    /** The whole content of a file. */
    byte[] readAllBytes(Path file) throws IOException;

    /** The size of a file in bytes. */
    long size(Path file) throws IOException;

    /** Creates a new file for writing; fails when it exists. */
    WritableFile createNew(Path file) throws IOException;

    /** Opens an existing file (or creates it) for writing at its end. */
    WritableFile openForAppend(Path file) throws IOException;

    /** Renames {@code source} over {@code target} atomically, replacing the target if present. */
    void moveAtomically(Path source, Path target) throws IOException;

    /** Deletes a file or empty folder; returns false when there was none. */
    boolean deleteIfExists(Path path) throws IOException;

    /**
     * Makes the folder's entries (creations, renames, deletions) durable. Does nothing on file
     * systems that cannot open a folder for syncing.
     */
    void syncDirectory(Path dir) throws IOException;

    /**
     * Takes the exclusive lock that makes one store the only user of a data folder, through a
     * dedicated lock file kept open until {@link FolderLock#close()}. The file locked must be the one
     * the path names once locked (see {@link FolderLock#fileState()}).
     *
     * @throws FolderLockedException when another process, or another store in this JVM, holds it
     */
    FolderLock lockFolder(Path dir, String lockFileName) throws IOException;
}
