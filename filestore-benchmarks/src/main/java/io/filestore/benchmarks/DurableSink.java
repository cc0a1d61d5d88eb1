package io.filestore.benchmarks;

import java.nio.file.Path;
import java.util.List;

import io.filestore.CollectionOptions;
import io.filestore.DocumentCollection;
import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.Format;
import io.filestore.Strategy;
import io.filestore.benchmarks.peer.CommitMode;
import io.filestore.benchmarks.peer.PeerRecord;
import io.filestore.benchmarks.peer.PeerStore;
import tools.jackson.databind.node.ObjectNode;

/**
 * A store that {@link SustainedInsertBenchmark} inserts into from many threads: each {@link #insert}
 * returns once the record is durable as the store promises, and {@link #close} returns once every
 * record is where the store keeps it (for FileStore, after the final flush). Thread-safe.
 */
interface DurableSink extends AutoCloseable {

    /** How many pre-built records the inserts copy, each with its own id and email. */
    int TEMPLATES = 1024;

    /** Inserts record {@code i} (a copy of a template with record {@code i}'s id and email). */
    void insert(int i);

    /** How many records the store holds. */
    long count();

    /** Closes the store: everything acknowledged is in its files when this returns. */
    @Override
    void close();

    /** The names {@link #open} takes. */
    List<String> NAMES = List.of("file-per-record", "single-file-json", "single-file-jsonl", "jsonl-append-only",
            "compressed", "sqlite");

    /**
     * Opens (or creates) the sink {@code name} in the folder {@code dir}: FileStore with its default
     * options but the strategy ({@code file-per-record}, {@code single-file-json},
     * {@code single-file-jsonl}, {@code jsonl-append-only}: JSON Lines with {@code append-only: true},
     * {@code compressed}), or {@code sqlite} ({@code synchronous=FULL}).
     *
     * @throws IllegalArgumentException for another name
     */
    static DurableSink open(String name, Path dir) {
        CollectionOptions.Builder users = CollectionOptions.builder("users");
        return switch (name) {
            case "file-per-record" -> new FileStoreSink(dir, users);
            case "single-file-json" -> new FileStoreSink(dir, users.strategy(Strategy.SINGLE_FILE));
            case "single-file-jsonl" -> new FileStoreSink(dir, users.strategy(Strategy.SINGLE_FILE).format(Format.JSONL));
            case "jsonl-append-only" -> new FileStoreSink(dir,
                    users.strategy(Strategy.SINGLE_FILE).format(Format.JSONL).appendOnly(true));
            case "compressed" -> new FileStoreSink(dir, users.strategy(Strategy.COMPRESSED));
            case "sqlite" -> new PeerSink(PeerStore.open("sqlite", dir, CommitMode.FSYNC));
            default -> throw new IllegalArgumentException("unknown store " + name + "; use one of " + NAMES);
        };
    }

    /** A FileStore collection indexing {@code email} (unique) and {@code age}, every other option its default. */
    final class FileStoreSink implements DurableSink {
        private final ObjectNode[] templates = new ObjectNode[TEMPLATES];
        private final FileStore store;
        private final DocumentCollection users;

        FileStoreSink(Path dir, CollectionOptions.Builder users) {
            for (int i = 0; i < TEMPLATES; i++) {
                templates[i] = Records.record(i);
            }
            store = FileStore.open(FileStoreOptions.builder(dir)
                    .collection(users.unique("email").indexed("age").build()).build());
            this.users = store.collection("users");
        }

        @Override
        public void insert(int i) {
            users.put(Records.id(i), Records.withEmailOf(templates[i & (TEMPLATES - 1)], i));
        }

        @Override
        public long count() {
            return users.count();
        }

        @Override
        public void close() {
            store.close();
        }
    }

    /** A peer store, one transaction per insert. */
    final class PeerSink implements DurableSink {
        private final PeerRecord[] templates = new PeerRecord[TEMPLATES];
        private final PeerStore store;

        PeerSink(PeerStore store) {
            for (int i = 0; i < TEMPLATES; i++) {
                templates[i] = PeerRecord.of(i);
            }
            this.store = store;
        }

        @Override
        public void insert(int i) {
            store.insert(templates[i & (TEMPLATES - 1)].asRecord(i));
        }

        @Override
        public long count() {
            return store.count();
        }

        @Override
        public void close() {
            store.close();
        }
    }
}
