package io.filestore.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import io.filestore.benchmarks.peer.CommitMode;
import io.filestore.benchmarks.peer.PeerStore;

/**
 * Loaded peer stores for the benchmarks that start from one ({@code records} records, closed). With
 * {@code -Dbench.seeds=true} (the suite sets it) each data set is built once, kept in the benchmark
 * folder as {@code filestore-bench-seed-<peer>-<records>}, and copied for every later fork: Nitrite
 * loads only a few thousand documents per second here, and the suite needs the same data set in six
 * forks. The suite deletes the seeds when it ends ({@link #deleteSeeds()}). Without the property every
 * call loads the store afresh, so manual runs leave nothing behind.
 */
public final class PeerDataSets {

    private static final String SEED_PREFIX = "filestore-bench-seed-";

    private PeerDataSets() {
    }

    /** Puts a closed {@code peer} store holding records {@code 0 .. records-1} into the empty {@code dir}. */
    static void fill(String peer, int records, Path dir) {
        if (!Boolean.getBoolean("bench.seeds")) {
            load(peer, records, dir);
            return;
        }
        Path seed = parent().resolve(SEED_PREFIX + peer + "-" + records);
        if (!Files.isDirectory(seed)) {
            // build beside, then rename: a fork killed halfway leaves no half-built seed behind
            Path building = TempDirs.create("seed-building");
            load(peer, records, building);
            try {
                Files.move(building, seed, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot keep the seed " + seed, e);
            }
        }
        copy(seed, dir);
    }

    /** Deletes every seed in the benchmark folder. */
    public static void deleteSeeds() {
        try (Stream<Path> seeds = Files.list(parent())) {
            seeds.filter(path -> path.getFileName().toString().startsWith(SEED_PREFIX)).forEach(TempDirs::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void load(String peer, int records, Path dir) {
        try (PeerStore store = PeerStore.open(peer, dir, CommitMode.WRITE)) {
            store.load(records);
        }
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the seed " + from, e);
        }
    }

    private static Path parent() {
        return Paths.get(System.getProperty("bench.dir", "/tmp"));
    }
}
