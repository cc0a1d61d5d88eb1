package io.filestore.benchmarks;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import io.filestore.benchmarks.peer.CommitMode;
import io.filestore.benchmarks.peer.PeerRecord;
import io.filestore.benchmarks.peer.PeerStore;

/**
 * The peers' writes, one transaction per record, beside FileStore's {@link DurablePutBenchmark}
 * (inserts) and {@link PutBenchmark} {@code file-per-record-async} (updates):
 * <ul>
 *   <li>{@code insert01}, {@code insert16}, {@code insert64}: new records (each with its own email)
 *       from 1, 16 or 64 threads;</li>
 *   <li>{@code update}: one thread replaces the records of a store loaded with {@code records}
 *       records, cycling over them, each pass with a different {@code age} (so the age index moves).</li>
 * </ul>
 * {@code commit} {@code FSYNC} forces every commit to disk before returning ({@code wal: true} with
 * fsync interval 0); {@code WRITE} hands it to the OS (SQLite {@code synchronous=NORMAL}; FileStore's
 * 200 ms fsync interval is the counterpart). Score: records per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class PeerWriteBenchmark {

    private static final int TEMPLATES = 1024;

    /** {@code sqlite}, {@code h2-mvstore} or {@code nitrite}. */
    @Param({"sqlite", "h2-mvstore", "nitrite"})
    public String peer;

    /** {@code FSYNC} or {@code WRITE}. */
    @Param({"FSYNC", "WRITE"})
    public CommitMode commit;

    /** How many records the store of {@code update} holds. */
    @Param({"100000"})
    public int records;

    /** An empty store for the inserts. */
    @State(Scope.Benchmark)
    public static class EmptyStore {
        private final AtomicInteger nextId = new AtomicInteger();
        private final PeerRecord[] templates = new PeerRecord[TEMPLATES];
        Path dir;
        PeerStore store;

        @Setup(Level.Trial)
        public void open(PeerWriteBenchmark bench) {
            for (int i = 0; i < TEMPLATES; i++) {
                templates[i] = PeerRecord.of(i);
            }
            dir = TempDirs.create("peer-insert");
            store = PeerStore.open(bench.peer, dir, bench.commit);
        }

        @TearDown(Level.Trial)
        public void close() {
            try {
                store.close();
            } finally {
                TempDirs.delete(dir);
            }
        }

        void insertNext() {
            int i = nextId.getAndIncrement();
            store.insert(templates[i & (TEMPLATES - 1)].asRecord(i));
        }
    }

    /** A store holding {@code records} records for the updates. */
    @State(Scope.Benchmark)
    public static class LoadedStore {
        PeerRecord[] loaded;
        Path dir;
        PeerStore store;
        int next;

        @Setup(Level.Trial)
        public void open(PeerWriteBenchmark bench) {
            dir = TempDirs.create("peer-update");
            PeerDataSets.fill(bench.peer, bench.records, dir);
            store = PeerStore.open(bench.peer, dir, bench.commit);
            loaded = new PeerRecord[bench.records];
            for (int i = 0; i < bench.records; i++) {
                loaded[i] = PeerRecord.of(i);
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            try {
                store.close();
            } finally {
                TempDirs.delete(dir);
            }
        }
    }

    @Benchmark
    @Threads(1)
    public void insert01(EmptyStore fixture) {
        fixture.insertNext();
    }

    @Benchmark
    @Threads(16)
    public void insert16(EmptyStore fixture) {
        fixture.insertNext();
    }

    @Benchmark
    @Threads(64)
    public void insert64(EmptyStore fixture) {
        fixture.insertNext();
    }

    /** One update, one thread (as {@link PutBenchmark}): a new age on every pass over the records. */
    @Benchmark
    @Threads(1)
    public void update(LoadedStore fixture) {
        int n = fixture.next++;
        int i = n % fixture.loaded.length;
        fixture.store.update(fixture.loaded[i].withAge(18 + (n / fixture.loaded.length + i) % 60));
    }
}
