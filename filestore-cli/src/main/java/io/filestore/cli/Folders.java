package io.filestore.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.filestore.CollectionOptions;
import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.StoreFolder;

/** What the commands share: a store opened on a folder with the collections found in it, sizes on disk. */
final class Folders {

    private Folders() {
    }

    /** The folder's collections as {@link StoreFolder#collections} finds them. */
    static List<CollectionOptions> collections(Path dataDir) {
        return Files.isDirectory(dataDir) ? StoreFolder.collections(dataDir) : List.of();
    }

    /** Options for a store on the folder, declaring every collection found in it. */
    static FileStoreOptions.Builder options(Path dataDir, List<CollectionOptions> collections) {
        // no background flush: the tool flushes when it closes
        FileStoreOptions.Builder builder = FileStoreOptions.builder(dataDir).flushInterval(Duration.ofHours(1));
        collections.forEach(builder::collection);
        return builder;
    }

    /** Opens a store on the folder, declaring every collection found in it. */
    static FileStore open(Path dataDir) {
        return FileStore.open(options(dataDir, collections(dataDir)).build());
    }

    /** The bytes of every file under the path (0 when it is missing). */
    static long size(Path path) {
        if (!Files.exists(path)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(Folders::fileSize).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (IOException gone) {
            return 0;
        }
    }

    /** Whether the path is missing or an empty folder. */
    static boolean isNewOrEmpty(Path path) throws IOException {
        if (!Files.exists(path)) {
            return true;
        }
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.findAny().isEmpty();
        }
    }

    /** A size in bytes, KiB, MiB or GiB. */
    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format("%.1f %s", value, units[unit]);
    }
}
