package io.filestore.internal.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.filestore.CorruptedFileException;
import io.filestore.FileStoreException;
import io.filestore.Strategy;
import io.filestore.internal.io.AtomicFiles;
import io.filestore.internal.io.FolderWatcher;
import io.filestore.internal.json.Json;
import io.filestore.spi.RecordFileNames;
import io.filestore.spi.StorageIO;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies record files that another program added, edited or deleted in a watched
 * {@code file-per-record} folder, as ordinary writes: indexes follow, listeners fire, a logged
 * collection logs them.
 *
 * <p>The store's own writes never echo back, decided by content rather than timing: a file whose
 * JSON equals the record in memory changes nothing, and a record with changes not yet flushed, or
 * being flushed, keeps them (memory wins over a concurrent outside edit; an event about a file the
 * flusher is replacing or deleting is stale by then). A file that is not a JSON object, or whose
 * content breaks a unique index, is reported and not applied.
 */
final class ExternalEdits implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ExternalEdits.class);

    private final Map<Path, StoreCollection> byFolder;
    private final StorageIO io;
    private final Json json;
    private final List<String> rejected = new CopyOnWriteArrayList<>();
    private FolderWatcher watcher;

    private ExternalEdits(Map<Path, StoreCollection> byFolder, StorageIO io, Json json) {
        this.byFolder = Map.copyOf(byFolder);
        this.io = io;
        this.json = json;
    }

    /**
     * Watches the folders of the given collections that are {@code file-per-record} with the built-in
     * persister (collections first used later are not watched). {@code -Dfilestore.watch.polling=true}
     * forces the polling fallback.
     */
    static ExternalEdits watch(Collection<StoreCollection> collections, Path dataDir, StorageIO io, Json json) {
        Map<Path, StoreCollection> byFolder = new HashMap<>();
        collections.stream()
                .filter(c -> c.options().strategy() == Strategy.FILE_PER_RECORD && c.options().persister() == null)
                .forEach(c -> byFolder.put(c.options().resolvePath(dataDir), c));
        ExternalEdits edits = new ExternalEdits(byFolder, io, json);
        edits.watcher = new FolderWatcher(List.copyOf(byFolder.keySet()), edits::onChange, 1000,
                Boolean.getBoolean("filestore.watch.polling"));
        return edits;
    }

    @Override
    public void close() {
        watcher.close();
    }

    /** The outside edits that were refused since open, as "file: problem". */
    List<String> rejected() {
        return List.copyOf(rejected);
    }

    void onChange(Path file) {
        String name = file.getFileName().toString();
        StoreCollection collection = byFolder.get(file.getParent());
        if (collection == null || name.endsWith(AtomicFiles.TEMP_SUFFIX) || !name.endsWith(RecordFileNames.EXTENSION)) {
            return;
        }
        String id = RecordFileNames.idOf(name);
        if (id == null || collection.state().dirtyIds().contains(id) || collection.state().flushingIds().contains(id)) {
            return; // the store is about to write this file, or writing it: what is there now is not news
        }
        byte[] content = read(file);
        byte[] inMemory = collection.state().committed(id);
        if (content == null) {
            if (inMemory != null && !io.exists(file) && collection.applyFromDisk(id, null, inMemory)) {
                log.info("Applied the outside deletion of {}", file);
            }
            return;
        }
        if (content.length == 0) {
            return; // being written: the write's own event follows
        }
        ObjectNode record;
        try {
            record = json.parseObjectFile(content, file);
        } catch (CorruptedFileException e) {
            reject(file, e.getMessage());
            return;
        }
        if (Arrays.equals(json.toBytes(record), inMemory)) {
            return; // the store's own write, or no change
        }
        try {
            if (collection.applyFromDisk(id, record, inMemory)) {
                log.info("Applied the outside edit of {}", file);
            }
        } catch (FileStoreException e) {
            reject(file, e.getMessage());
        }
    }

    private void reject(Path file, String problem) {
        rejected.add(file + ": " + problem);
        log.warn("Ignoring an outside edit of {}: {}", file, problem);
    }

    private byte @Nullable [] read(Path file) {
        try {
            return io.exists(file) ? io.readAllBytes(file) : null;
        } catch (IOException deletedMeanwhile) {
            return null;
        }
    }
}
