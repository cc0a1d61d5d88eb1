package io.filestore.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.filestore.benchmarks.peer.CommitMode;
import io.filestore.benchmarks.peer.PeerStore;

/**
 * Loaded peer stores for the benchmarks that start from one ({@code records} records, closed). With
 * {@link Seeds} on (the suite), each data set is built once and copied for every later fork, which may
 * change its copy: Nitrite loads only a few thousand documents per second here, and the suite needs
 * the same data set in six forks. Without seeds every call loads the store afresh, so manual runs leave
 * nothing behind.
 */
public final class PeerDataSets {

    private PeerDataSets() {
    }

    /** Puts a closed {@code peer} store holding records {@code 0 .. records-1} into the empty {@code dir}. */
    static void fill(String peer, int records, Path dir) {
        if (!Seeds.enabled()) {
            load(peer, records, dir);
            return;
        }
        copy(Seeds.get(peer + "-" + records, seed -> load(peer, records, seed)), dir);
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
}
