package io.filestore.internal.persist;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.filestore.CorruptedFileException;
import io.filestore.StorageException;
import io.filestore.internal.io.AtomicFiles;
import io.filestore.internal.json.Json;
import io.filestore.spi.CollectionPersister;
import io.filestore.spi.FileBatch;
import io.filestore.spi.RecordFileNames;

/**
 * The {@code file-per-record} strategy: {@code <folder>/<encoded id>.json} holds one record as a
 * pretty-printed JSON object, and {@code <folder>/indices/} its index files. Only changed records are
 * written; a deleted record's file is removed. File names follow {@link RecordFileNames}.
 */
final class FilePerRecordPersister implements CollectionPersister {

    private static final Logger log = LoggerFactory.getLogger(FilePerRecordPersister.class);

    private final String collection;
    private final Path folder;
    private final StorePersistContext context;

    FilePerRecordPersister(String collection, Path folder, StorePersistContext context) {
        this.collection = collection;
        this.folder = folder;
        this.context = context;
    }

    @Override
    public void load(RecordSink sink) {
        Folders.create(context, folder, collection);
        Folders.create(context, indexFolder(), collection);
        context.files().deleteTempFiles(indexFolder());
        List<Path> files = listRecordFilesDeletingTemps();
        int chunks = Math.max(1, Math.min(context.parallelism(), files.size() / 256));
        List<Future<?>> futures = new ArrayList<>(chunks);
        Set<String> treeFields = sink.treeFields();
        sink.expect(files.size());
        for (int chunk = 0; chunk < chunks; chunk++) {
            int first = chunk;
            futures.add(context.pool().submit(() -> {
                for (int i = first; i < files.size(); i += chunks) {
                    loadFile(files.get(i), sink, treeFields);
                }
            }));
        }
        for (Future<?> future : futures) {
            await(future);
        }
    }

    @Override
    public void stage(Map<String, byte[]> changes, Map<String, byte[]> allRecords, FileBatch batch) {
        for (Map.Entry<String, byte[]> change : changes.entrySet()) {
            Path file = folder.resolve(RecordFileNames.fileName(change.getKey()));
            if (change.getValue() == null) {
                batch.delete(file);
            } else {
                batch.write(file, context.json().pretty(change.getValue()));
            }
        }
    }

    @Override
    public void stageRemoval(Set<String> ids, FileBatch batch) {
        ids.forEach(id -> batch.delete(folder.resolve(RecordFileNames.fileName(id))));
        IndexFiles.stageRemovalOfFolder(context, indexFolder(), batch);
        batch.delete(indexFolder());
        batch.delete(folder);
    }

    @Override
    public Path indexFolder() {
        return folder.resolve(Folders.INDICES);
    }

    /**
     * One pass over the folder: leftover temp files are deleted, record files collected. Names are
     * judged without a {@code stat} per entry, which matters at 100k files.
     */
    private List<Path> listRecordFilesDeletingTemps() {
        List<Path> files = new ArrayList<>();
        try {
            for (Path entry : context.io().list(folder)) {
                String name = entry.getFileName().toString();
                if (name.endsWith(AtomicFiles.TEMP_SUFFIX)) {
                    context.io().deleteIfExists(entry);
                } else if (name.endsWith(RecordFileNames.EXTENSION)) {
                    if (RecordFileNames.idOf(name) == null) {
                        log.warn("Ignoring {} in collection '{}': its name is not an encoded record id", entry, collection);
                    } else {
                        files.add(entry);
                    }
                }
            }
        } catch (IOException e) {
            throw new StorageException("Cannot list collection '" + collection + "'", folder, e);
        }
        return files;
    }

    private void loadFile(Path file, RecordSink sink, Set<String> treeFields) {
        byte[] bytes;
        try {
            bytes = Folders.readOrQuarantineFolder(context, collection, file);
        } catch (IOException e) {
            throw new StorageException("Cannot read record of collection '" + collection + "'", file, e);
        }
        if (bytes == null) {
            return;
        }
        try {
            String id = RecordFileNames.idOf(file.getFileName().toString());
            // one pass over the pretty file: compact bytes plus trees of only the fields indexes read
            Json.CompactRecord record = context.json().compactObjectFile(bytes, file, treeFields);
            sink.acceptCompact(id, record.bytes(), record.fields(), context.json());
        } catch (CorruptedFileException e) {
            context.quarantine().add(collection, file, e.getMessage());
        }
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading", e);
        }
    }
}
