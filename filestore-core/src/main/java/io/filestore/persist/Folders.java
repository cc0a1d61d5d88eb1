package io.filestore.persist;

import java.io.IOException;
import java.nio.file.Path;

import io.filestore.StorageException;

/** Folder helpers shared by the persisters. */
final class Folders {

    /** The name of index folders. */
    static final String INDICES = "indices";

    private Folders() {
    }

    /** The index folder of a collection stored in one file: {@code <folder of the file>/indices/<collection>}. */
    static Path indexFolderBeside(Path file, String collection) {
        return file.getParent().resolve(INDICES).resolve(collection);
    }

    /** Creates a folder (and its parents) durably when it is missing. */
    static void create(PersistContext context, Path folder, String collection) {
        try {
            if (!context.io().isDirectory(folder)) {
                context.io().createDirectories(folder);
                context.io().syncDirectory(folder.getParent());
            }
        } catch (IOException e) {
            throw new StorageException("Cannot create folder of collection '" + collection + "'", folder, e);
        }
    }
}
