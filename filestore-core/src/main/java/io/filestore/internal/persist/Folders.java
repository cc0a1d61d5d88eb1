package io.filestore.internal.persist;

import java.io.IOException;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import io.filestore.StorageException;

/** Folder helpers shared by the persisters. */
final class Folders {

    /** The name of index folders. */
    static final String INDICES = "indices";

    /** The problem reported for a folder found where the store keeps a file. */
    static final String FOLDER_IN_PLACE_OF_FILE = "a folder stands where this file should be";

    private Folders() {
    }

    /** The index folder of a collection stored in one file: {@code <folder of the file>/indices/<collection>}. */
    static Path indexFolderBeside(Path file, String collection) {
        return file.getParent().resolve(INDICES).resolve(collection);
    }

    /**
     * Prepares a collection kept in one file: creates its folder and index folder, removes the temp
     * files an interrupted replacement of it left, and reads it.
     *
     * @return the file's content, or {@code null} when there is no file yet
     */
    static byte @Nullable [] prepareAndRead(StorePersistContext context, Path file, Path indexFolder, String collection) {
        create(context, file.getParent(), collection);
        create(context, indexFolder, collection);
        context.files().deleteTempFiles(file.getParent(), file.getFileName() + ".");
        context.files().deleteTempFiles(indexFolder);
        if (!context.io().exists(file)) {
            return null;
        }
        try {
            return readOrQuarantineFolder(context, collection, file);
        } catch (IOException e) {
            throw new StorageException("Cannot read collection '" + collection + "'", file, e);
        }
    }

    /**
     * The content of a file read at open, or {@code null} when a folder stands in its place. Such a
     * folder hides the file's data and would make every later write of the file fail, so it is moved
     * to the quarantine and reported like a malformed file.
     *
     * @throws IOException when the file cannot be read for another reason
     */
    static byte @Nullable [] readOrQuarantineFolder(StorePersistContext context, String collection, Path file) throws IOException {
        try {
            return context.io().readAllBytes(file);
        } catch (IOException e) {
            if (!context.io().isDirectory(file)) {
                throw e;
            }
            context.quarantine().add(collection, file, FOLDER_IN_PLACE_OF_FILE);
            return null;
        }
    }

    /** Creates a folder (and its parents) durably when it is missing. */
    static void create(StorePersistContext context, Path folder, String collection) {
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
