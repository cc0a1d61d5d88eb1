package io.filestore.internal.persist;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.filestore.CollectionOptions;
import io.filestore.StorageException;
import io.filestore.spi.FileBatch;

/**
 * Where a collection's JSONL index files live: {@code <index folder>/<field>.jsonl}. Their format
 * is {@link io.filestore.internal.index.IndexFileFormat}'s; this class only reads, lists and stages them.
 */
public final class IndexFiles {

    /** The extension of index files. */
    public static final String EXTENSION = ".jsonl";

    private final StorePersistContext context;

    public IndexFiles(StorePersistContext context) {
        this.context = context;
    }

    /**
     * Where a collection of these options keeps its index files: {@code <folder>/indices} for a folder of
     * record files, {@code <folder of the file>/indices/<collection>} for one file; {@code null} when it has
     * no files.
     */
    public static @Nullable Path folderOf(CollectionOptions options, Path dataDir) {
        return switch (options.strategy()) {
            case MEMORY_ONLY -> null;
            case SINGLE_FILE, COMPRESSED -> Folders.indexFolderBeside(options.resolvePath(dataDir), options.name());
            default -> options.resolvePath(dataDir).resolve(Folders.INDICES);
        };
    }

    /** The index file of a field. */
    public static Path file(Path indexFolder, String field) {
        return indexFolder.resolve(field + EXTENSION);
    }

    /**
     * The content of a field's index file, or {@code null} when there is none. Index files are derived
     * data, so one that cannot be read (a folder in its place, an I/O error) never stops the open: it
     * is moved to the collection's quarantine and reported, and {@code null} tells the caller to
     * rebuild it.
     */
    public byte @Nullable [] read(String collection, Path indexFolder, String field) {
        Path file = file(indexFolder, field);
        if (!context.io().exists(file)) {
            return null;
        }
        try {
            return Folders.readOrQuarantineFolder(context, collection, file);
        } catch (IOException e) {
            context.quarantine().add(collection, file, "unreadable index file: " + e);
            return null;
        }
    }

    /** Adds the removal of an index file no longer needed to the batch; a folder in its place is quarantined instead. */
    public void stageRemoval(String collection, Path file, FileBatch batch) {
        if (context.io().isDirectory(file)) {
            context.quarantine().add(collection, file, Folders.FOLDER_IN_PLACE_OF_FILE);
        } else {
            batch.delete(file);
        }
    }

    /** Adds the deletion of every index file in the folder to the batch. */
    static void stageRemovalOfFolder(StorePersistContext context, Path indexFolder, FileBatch batch) {
        try {
            for (Path entry : context.io().list(indexFolder)) {
                batch.delete(entry);
            }
        } catch (IOException e) {
            throw new StorageException("Cannot list index files", indexFolder, e);
        }
    }

    /** The fields that have an index file in the folder. */
    public List<String> fieldsOnDisk(Path indexFolder) {
        List<String> fields = new ArrayList<>();
        try {
            for (Path entry : context.io().list(indexFolder)) {
                String name = entry.getFileName().toString();
                if (name.endsWith(EXTENSION)) {
                    fields.add(name.substring(0, name.length() - EXTENSION.length()));
                }
            }
        } catch (IOException e) {
            throw new StorageException("Cannot list index files", indexFolder, e);
        }
        return fields;
    }
}
