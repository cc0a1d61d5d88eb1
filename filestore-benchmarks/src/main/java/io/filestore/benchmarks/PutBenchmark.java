package io.filestore.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.filestore.CollectionOptions;
import io.filestore.DocumentCollection;
import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.Strategy;
import tools.jackson.databind.node.ObjectNode;

/**
 * Single-thread {@code collection.put(id, record)} throughput (puts/s), each put its own
 * transaction, into a collection with two indexed fields ({@code email} unique, {@code age}; the
 * second was {@code username} before the peer suite, which indexes {@code age} for its range query).
 * The {@code collection} parameter picks the configuration:
 * <ul>
 *   <li>{@code memory-only}: the in-memory commit path alone;</li>
 *   <li>{@code file-per-record}: {@code wal: false}. The store's flush interval is one hour and its
 *       write backlog unbounded, so no flush runs during the measurement and this is <b>the in-memory commit path</b> plus the
 *       dirty-set bookkeeping; the disk cost is measured by {@link FlushBenchmark};</li>
 *   <li>{@code file-per-record-wal}: the default {@code wal: true} with {@code fsync-interval} 0: every
 *       put is appended to the write-ahead log and fsynced before it returns (durable). One writer
 *       cannot share an fsync with anyone, so this is bounded by the machine's fsync rate
 *       (PERFORMANCE.md: ~4,500 fsyncs/s);</li>
 *   <li>{@code file-per-record-async}: {@code wal: true} with {@code fsync-interval} 200 ms: every put
 *       is written to the log before it returns, and fsynced with the others at most 200 ms later.
 *       Every measured put replaces a record (below): the suite's "update" workload.</li>
 * </ul>
 * The in-memory commit path is: id validation, tree to bytes, index keys, unique check, apply under
 * the commit lock, dirty marking.
 *
 * <p>Puts cycle over a fixed key space of {@code keys} pre-built records, so memory stays bounded:
 * the set-up inserts every key (in transactions of 1000, untimed), so every measured put
 * <b>replaces</b> an existing record (old index keys removed, new ones added), however short the
 * warm-up. Each pass changes the {@code age} field so that no put is an identical re-put, which the
 * store skips as a no-op. The tear-down closes the store, which for the persisted
 * configurations writes the dirty records to disk once (outside the measurement), and deletes the
 * folder. The fork runs with a fixed, pre-touched 2 GB heap, since first-touch page faults on these
 * virtual machines add run-to-run noise.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
public class PutBenchmark {

    /**
     * {@code memory-only}, {@code file-per-record} (no log), {@code file-per-record-wal} (durable puts)
     * or {@code file-per-record-async} (log fsynced every 200 ms).
     */
    @Param({"memory-only", "file-per-record", "file-per-record-wal", "file-per-record-async"})
    public String collection;

    /** How many distinct ids the puts cycle over. */
    @Param({"100000"})
    public int keys;

    private static final List<String> CONFIGURATIONS =
            List.of("memory-only", "file-per-record", "file-per-record-wal", "file-per-record-async");

    private Path dir;
    private FileStore store;
    private DocumentCollection users;
    private String[] ids;
    private ObjectNode[] records;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        if (!CONFIGURATIONS.contains(collection)) {
            throw new IllegalArgumentException("unknown collection configuration " + collection);
        }
        dir = TempDirs.create("put");
        store = FileStore.open(FileStoreOptions.builder(dir)
                .flushInterval(Duration.ofHours(1))
                .maxDirtyRecords(0).maxUnflushedLogBytes(0) // no backpressure flushes: the commit path alone
                .fsyncInterval(Duration.ofMillis(collection.equals("file-per-record-async") ? 200 : 0))
                .collection(CollectionOptions.builder("users")
                        .strategy(collection.equals("memory-only") ? Strategy.MEMORY_ONLY : Strategy.FILE_PER_RECORD)
                        .wal(collection.startsWith("file-per-record-"))
                        .unique("email")
                        .indexed("age")
                        .build())
                .build());
        users = store.collection("users");
        ids = new String[keys];
        records = new ObjectNode[keys];
        for (int i = 0; i < keys; i++) {
            ids[i] = Records.id(i);
            records[i] = Records.record(i);
        }
        insertEveryKey();
    }

    /** Pass 0, untimed: every key inserted with the age pass 0 gives it, so the benchmark's first put replaces. */
    private void insertEveryKey() {
        for (int first = 0; first < keys; first += 1000) {
            int from = first;
            store.runInTransaction(tx -> {
                for (int i = from; i < Math.min(keys, from + 1000); i++) {
                    records[i].put("age", 18);
                    users.put(ids[i], records[i]);
                }
            });
        }
        next = keys;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            store.close();
        } finally {
            TempDirs.delete(dir);
        }
    }

    /** One put, auto-committed. */
    @Benchmark
    public void put() {
        int n = next++;
        int i = n % keys;
        ObjectNode record = records[i];
        // a different age on every pass, so a replacement is never an identical (skipped) re-put;
        // put serializes the tree at once, so changing it afterwards is safe
        record.put("age", 18 + (n / keys) % 60);
        users.put(ids[i], record);
    }
}
