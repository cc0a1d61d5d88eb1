package io.filestore.internal.persist;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.filestore.StorageException;
import io.filestore.spi.Quarantine;
import io.filestore.spi.StorageIO;
import io.filestore.spi.WritableFile;

/**
 * Where malformed files go: {@code <data-dir>/_quarantine/<collection>/<file name>}. A file that does
 * not parse is moved there at open, logged with its original path, and listed in the store status,
 * so that one bad file never stops the others from loading and is never overwritten or lost.
 * Thread-safe.
 */
public final class QuarantineFolder implements Quarantine {

    /** The quarantine folder's name in the data folder. */
    public static final String FOLDER_NAME = "_quarantine";

    private static final Logger log = LoggerFactory.getLogger(QuarantineFolder.class);

    /** A file moved to the quarantine. */
    public record Entry(Path original, Path movedTo, String problem) {
    }

    private final StorageIO io;
    private final Path folder;
    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    public QuarantineFolder(StorageIO io, Path dataDir) {
        this.io = io;
        this.folder = dataDir.resolve(FOLDER_NAME);
    }

    @Override
    public void add(String collection, Path file, String problem) {
        try {
            Path target = folder.resolve(collection);
            io.createDirectories(target);
            Path destination = target.resolve(file.getFileName().toString());
            for (int n = 1; io.exists(destination); n++) {
                destination = target.resolve(file.getFileName() + "." + n);
            }
            io.moveAtomically(file, destination);
            io.syncDirectory(file.getParent());
            entries.add(new Entry(file, destination, problem));
            log.warn("Quarantined malformed file {} of collection '{}' to {}: {}", file, collection, destination, problem);
        } catch (IOException e) {
            throw new StorageException("Cannot quarantine malformed file (" + problem + ")", file, e);
        }
    }

    /**
     * Keeps bytes cut from the end of a collection's file (an append torn by a crash) in
     * {@code _quarantine/<collection>/<file name>.<offset>.torn}, durably, before the caller cuts them.
     * Not listed in {@link #entries}: a torn append is what a crash leaves, not damage.
     *
     * @return where the bytes are kept
     */
    public Path keepCut(String collection, Path file, long offset, byte[] bytes) {
        Path target = folder.resolve(collection);
        String name = file.getFileName() + "." + offset + ".torn";
        Path destination = target.resolve(name);
        try {
            io.createDirectories(target);
            for (int n = 1; io.exists(destination); n++) {
                destination = target.resolve(name + "." + n);
            }
            try (WritableFile out = io.createNew(destination)) {
                out.write(bytes);
                out.force();
            }
            io.syncDirectory(target);
            return destination;
        } catch (IOException e) {
            throw new StorageException("Cannot keep the torn end of collection '" + collection + "' in the quarantine",
                    destination, e);
        }
    }

    /** Every file quarantined since the store opened. */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }
}
