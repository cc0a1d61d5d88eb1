package io.filestore.spi;

import java.io.IOException;
import java.nio.file.Path;

/** The exclusive hold on a data folder; closing it releases the folder. */
public interface FolderLock extends AutoCloseable {

    /** What became of the lock file at its path, as {@link #fileState()} finds it. */
    enum FileState {
        /** The path still names the locked file: the lock guards the folder. */
        IN_PLACE,
        /** No file at the path: another process can create one, lock it and open the folder. */
        DELETED,
        /** The path names another file than the locked one, which another process can lock. */
        REPLACED
    }

    /** The locked folder. */
    Path folder();

    /**
     * Whether the lock file at its path is still the file this lock holds. A lock lives on an open
     * file, not on a path: once the file is deleted or replaced, another process may lock the new file
     * and use the folder too, and the holder must stop writing. Costs one {@code stat}; thread-safe.
     * Implementations that cannot tell (a simulated disk) answer {@link FileState#IN_PLACE}.
     *
     * @throws IOException when the path cannot be examined; the answer is then unknown
     */
    default FileState fileState() throws IOException {
        return FileState.IN_PLACE;
    }

    @Override
    void close() throws IOException;
}
