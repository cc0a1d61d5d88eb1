package io.filestore.internal.persist;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import io.filestore.CorruptedFileException;
import io.filestore.StorageException;
import io.filestore.spi.CollectionPersister;
import io.filestore.spi.FileBatch;
import io.filestore.spi.PersistContext;
import io.filestore.spi.RecordFileNames;

/**
 * A small user-written persister, as an application would write one: each record as compact JSON in
 * {@code <folder>/<id>.txt}, index files in {@code <folder>/idx/}. It uses only the public SPI.
 */
final class TextFilePerRecordPersister implements CollectionPersister {

    private final String collection;
    private final Path folder;
    private final PersistContext context;

    TextFilePerRecordPersister(String collection, Path folder, PersistContext context) {
        this.collection = collection;
        this.folder = folder;
        this.context = context;
    }

    @Override
    public void load(RecordSink sink) {
        try {
            context.io().createDirectories(indexFolder());
            context.files().deleteTempFiles(folder);
            for (Path file : context.io().list(folder)) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".txt")) {
                    continue;
                }
                try {
                    String id = RecordFileNames.idOf(name.substring(0, name.length() - 4) + RecordFileNames.EXTENSION);
                    sink.accept(id, context.json().parseObjectFile(context.io().readAllBytes(file), file));
                } catch (CorruptedFileException e) {
                    context.quarantine().add(collection, file, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new StorageException("Cannot load", folder, e);
        }
    }

    @Override
    public void stage(Map<String, byte[]> changes, Map<String, byte[]> allRecords, FileBatch batch) {
        changes.forEach((id, bytes) -> {
            Path file = file(id);
            if (bytes == null) {
                batch.delete(file);
            } else {
                batch.write(file, bytes);
            }
        });
    }

    @Override
    public Path indexFolder() {
        return folder.resolve("idx");
    }

    @Override
    public void stageRemoval(Set<String> ids, FileBatch batch) {
        ids.forEach(id -> batch.delete(file(id)));
    }

    private Path file(String id) {
        String name = RecordFileNames.fileName(id);
        return folder.resolve(name.substring(0, name.length() - RecordFileNames.EXTENSION.length()) + ".txt");
    }
}
