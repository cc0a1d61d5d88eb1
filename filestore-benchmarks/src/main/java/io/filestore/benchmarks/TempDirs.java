package io.filestore.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Fresh folders under {@code /tmp} (or {@code -Dbench.dir=...}) for benchmark data, and their
 * removal. Every benchmark deletes what it created in its tear-down.
 */
final class TempDirs {

    private TempDirs() {
    }

    /** Creates a new empty folder whose name starts with {@code prefix}. */
    static Path create(String prefix) {
        try {
            Path parent = Paths.get(System.getProperty("bench.dir", "/tmp"));
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, "filestore-bench-" + prefix + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Deletes the folder, then forces its parent folder (on ext4 this commits the file system journal,
     * so the deletions are not still being written back when the next measured iteration fsyncs) and
     * waits a moment. For tear-downs between single-shot iterations that measure fsync-bound work.
     */
    static void deleteAndSettle(Path dir) {
        delete(dir);
        if (dir == null) {
            return;
        }
        try (FileChannel parent = FileChannel.open(dir.getParent(), StandardOpenOption.READ)) {
            parent.force(true);
            Thread.sleep(500);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Deletes the folder and everything in it; does nothing when {@code dir} is null or gone. */
    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sum of the sizes of the regular files under {@code dir} that {@code counted} accepts. */
    static long apparentBytes(Path dir, Predicate<Path> counted) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(counted).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
