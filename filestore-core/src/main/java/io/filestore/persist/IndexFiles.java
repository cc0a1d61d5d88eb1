package io.filestore.persist;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.filestore.StorageException;

/**
 * Where a collection's JSONL index files live: {@code <index folder>/<field>.jsonl}. Their format
 * is {@link io.filestore.index.IndexFileFormat}'s; this class only reads, lists and stages them.
 */
public final class IndexFiles {

    /** The extension of index files. */
    public static final String EXTENSION = ".jsonl";

    private final PersistContext context;

    public IndexFiles(PersistContext context) {
        this.context = context;
    }

    /** The index file of a field. */
    public static Path file(Path indexFolder, String field) {
        return indexFolder.resolve(field + EXTENSION);
    }

    /** The content of a field's index file, or {@code null} when there is none. */
    public byte[] read(Path indexFolder, String field) {
        Path file = file(indexFolder, field);
        if (!context.io().exists(file)) {
            return null;
        }
        try {
            return context.io().readAllBytes(file);
        } catch (IOException e) {
            throw new StorageException("Cannot read index file", file, e);
        }
    }

    /** Adds the deletion of every index file in the folder to the batch. */
    static void stageRemovalOfFolder(PersistContext context, Path indexFolder, io.filestore.io.FileBatch batch) {
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
