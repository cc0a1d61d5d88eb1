package io.filestore.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import io.filestore.CollectionOptions;
import io.filestore.DocumentCollection;
import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import tools.jackson.databind.node.ObjectNode;

/**
 * Durable puts into a {@code wal: true} collection with 1, 16 and 64 writer threads: each put returns
 * after its write-ahead log group is fsynced ({@code fsyncIntervalMillis = 0}) or written to the OS
 * ({@code 200}). The collection indexes {@code email} (unique) and {@code age}, as the peers do, and
 * every put carries a new email (a copy of one of 1024 pre-built records). The collection uses a
 * {@link DiscardingPersister}, so this measures <b>the commit path</b> (log write, group fsync,
 * in-memory apply) without record-file flushes competing for the disk (and without a huge final
 * flush in the tear-down); {@link FlushBenchmark} measures flushes. It is not the rate at which
 * records reach their files: with {@code file-per-record}, 64 writers are acknowledged several times
 * faster than a flush writes the files, and {@link SustainedInsertBenchmark} counts the inserts until
 * they are on disk. Compare with {@link PeerWriteBenchmark} and {@link RawAppendFsyncBenchmark}, run
 * in the same session.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DurablePutBenchmark {

    private static final int DISTINCT_RECORDS = 1024;

    @Param({"0", "200"})
    public int fsyncIntervalMillis;

    private final AtomicInteger nextId = new AtomicInteger();
    private final ObjectNode[] records = new ObjectNode[DISTINCT_RECORDS];
    private Path dir;
    private FileStore store;
    private DocumentCollection users;

    @Setup(Level.Trial)
    public void open() {
        for (int i = 0; i < DISTINCT_RECORDS; i++) {
            records[i] = Records.record(i);
        }
        dir = TempDirs.create("filestore-durable-put");
        store = FileStore.open(FileStoreOptions.builder(dir)
                .flushInterval(Duration.ofHours(1))
                .maxDirtyRecords(0).maxUnflushedLogBytes(0) // no backpressure flushes: the commit path alone
                .fsyncInterval(Duration.ofMillis(fsyncIntervalMillis))
                .collection(CollectionOptions.builder("users").wal(true).unique("email").indexed("age")
                        .persister((options, path, context) -> new DiscardingPersister()).build())
                .build());
        users = store.collection("users");
    }

    @TearDown(Level.Trial)
    public void close() {
        store.close();
        TempDirs.delete(dir);
    }

    @Benchmark
    @Threads(1)
    public void writers01() {
        put();
    }

    @Benchmark
    @Threads(16)
    public void writers16() {
        put();
    }

    @Benchmark
    @Threads(64)
    public void writers64() {
        put();
    }

    private void put() {
        int i = nextId.getAndIncrement();
        users.put(Records.id(i), Records.withEmailOf(records[i & (DISTINCT_RECORDS - 1)], i));
    }
}
