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

    /**
     * Prepares a collection kept in one file: creates its folder and index folder, removes the temp
     * files an interrupted replacement of it left, and reads it.
     *
     * @return the file's content, or {@code null} when there is no file yet
     */
    static byte[] prepareAndRead(PersistContext context, Path file, Path indexFolder, String collection) {
        create(context, file.getParent(), collection);
        create(context, indexFolder, collection);
        context.files().deleteTempFiles(file.getParent(), file.getFileName() + ".");
        context.files().deleteTempFiles(indexFolder);
        if (!context.io().exists(file)) {
            return null;
        }
        try {
            return context.io().readAllBytes(file);
        } catch (IOException e) {
            throw new StorageException("Cannot read collection '" + collection + "'", file, e);
        }
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
