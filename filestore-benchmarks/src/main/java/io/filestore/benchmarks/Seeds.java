package io.filestore.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Data sets that the suite builds once per run and shares between forks. With {@code -Dbench.seeds=true}
 * (the suite sets it) a seed is built the first time a fork asks for it and kept in the benchmark folder
 * as {@code filestore-bench-seed-<name>}; the suite deletes every seed when it ends ({@link #deleteAll()}).
 * Building one 100k-record FileStore or Nitrite data set takes tens of seconds here (100k fsyncs, or
 * Nitrite's few thousand inserts a second), and the suite needs each in several forks.
 */
public final class Seeds {

    private static final String PREFIX = "filestore-bench-seed-";

    private Seeds() {
    }

    /** Whether this JVM shares seeds; without it, every benchmark builds and deletes its own data. */
    static boolean enabled() {
        return Boolean.getBoolean("bench.seeds");
    }

    /** The seed {@code name}, which {@code build} fills from an empty folder if no fork has built it yet. */
    static Path get(String name, Consumer<Path> build) {
        Path seed = parent().resolve(PREFIX + name);
        if (!Files.isDirectory(seed)) {
            // build beside, then rename: a fork killed halfway leaves no half-built seed behind
            Path building = TempDirs.create("seed-building");
            build.accept(building);
            try {
                Files.move(building, seed, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot keep the seed " + seed, e);
            }
        }
        return seed;
    }

    /** Deletes every seed in the benchmark folder. */
    public static void deleteAll() {
        try (Stream<Path> seeds = Files.list(parent())) {
            seeds.filter(path -> path.getFileName().toString().startsWith(PREFIX)).forEach(TempDirs::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path parent() {
        return Paths.get(System.getProperty("bench.dir", "/tmp"));
    }
}
