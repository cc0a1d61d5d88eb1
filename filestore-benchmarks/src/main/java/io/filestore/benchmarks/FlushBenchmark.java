package io.filestore.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
import org.openjdk.jmh.annotations.Warmup;

import io.filestore.CollectionOptions;
import io.filestore.DocumentCollection;
import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.Strategy;

/**
 * The time to make {@code records} (default 20k) new dirty records durable, FileStore against the
 * raw-I/O limit on the same bytes (PERFORMANCE.md target: flush at most 1.3x the raw loop):
 * <ul>
 *   <li>{@code fileStoreFlush}: {@code store.flush()} of a {@code file-per-record} collection (no
 *       indexes) holding {@code records} records put since the store was opened (flush interval one
 *       hour, so the flush under test is the only one). This includes everything a flush does: the
 *       snapshot, compact to pretty JSON, the flush journal (written and forced, then deleted), the
 *       record files, the folder syncs and, with {@code wal=true} (the default configuration), the
 *       write-ahead-log checkpoint and the removal of the covered log segments. The records are put in
 *       transactions of 1000 so that the untimed set-up does not pay one log fsync per record;</li>
 *   <li>{@code rawParallel}: the raw loop FileStore's design follows: every record's exact file
 *       bytes to a temp file + {@code force}, spread over 4 threads; then rename every temp file over
 *       its target; then one folder {@code force};</li>
 *   <li>{@code rawSequential}: one thread, one file at a time: temp file + {@code force} + rename;
 *       one folder {@code force} at the end. Shows what the parallel fsyncs buy.</li>
 * </ul>
 * Single-shot: each measured iteration runs once on a fresh folder built by an untimed
 * {@code @Setup(Level.Iteration)} (for FileStore: open the store, put the records); the folder is
 * deleted after every iteration and the deletion committed before the next one starts.
 * Score = milliseconds per flush of {@code records} files; {@code records} / score = files per ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 1)
@Measurement(iterations = 5)
public class FlushBenchmark {

    /** How many dirty records to flush. */
    @Param({"20000"})
    public int records;

    String[] fileNames;
    byte[][] fileBytes;
    ExecutorService rawPool;

    @Setup(Level.Trial)
    public void prepareBytes() {
        fileNames = new String[records];
        fileBytes = new byte[records][];
        for (int i = 0; i < records; i++) {
            fileNames[i] = Records.id(i) + ".json";
            fileBytes[i] = Records.fileBytes(i);
        }
        rawPool = Executors.newFixedThreadPool(RawFiles.THREADS);
    }

    @TearDown(Level.Trial)
    public void stopPool() {
        rawPool.shutdownNow();
    }

    /** A store with {@code records} unflushed records in a fresh folder. */
    @State(Scope.Benchmark)
    public static class DirtyStore {

        /** Whether the collection uses the write-ahead log (the default for file-per-record). */
        @Param({"false", "true"})
        public boolean wal;

        Path dir;
        FileStore store;
        int expected;

        @Setup(Level.Iteration)
        public void open(FlushBenchmark bench) {
            expected = bench.records;
            dir = TempDirs.create("flush-store");
            store = FileStore.open(FileStoreOptions.builder(dir)
                    .flushInterval(Duration.ofHours(1))
                    .maxDirtyRecords(0).maxUnflushedLogBytes(0) // no early flush: all the records stay dirty until the one measured
                    .collection(CollectionOptions.builder("users").strategy(Strategy.FILE_PER_RECORD).wal(wal).build())
                    .build());
            DocumentCollection users = store.collection("users");
            for (int first = 0; first < bench.records; first += 1000) {
                int from = first;
                int to = Math.min(bench.records, first + 1000);
                store.runInTransaction(tx -> {
                    for (int i = from; i < to; i++) {
                        users.put(Records.id(i), Records.record(i));
                    }
                });
            }
        }

        @TearDown(Level.Iteration)
        public void close() throws Exception {
            try {
                store.close();
                long files;
                try (var list = Files.list(dir.resolve("users"))) {
                    files = list.filter(p -> p.toString().endsWith(".json")).count();
                }
                if (files != expected) {
                    throw new IllegalStateException("expected " + expected + " record files, found " + files);
                }
            } finally {
                TempDirs.deleteAndSettle(dir);
            }
        }
    }

    /** An empty collection folder for the raw loops. */
    @State(Scope.Benchmark)
    public static class EmptyFolder {
        Path dir;
        Path folder;

        @Setup(Level.Iteration)
        public void create() throws Exception {
            dir = TempDirs.create("flush-raw");
            folder = Files.createDirectory(dir.resolve("users"));
        }

        @TearDown(Level.Iteration)
        public void delete() {
            TempDirs.deleteAndSettle(dir);
        }
    }

    @Benchmark
    public void fileStoreFlush(DirtyStore fixture) {
        fixture.store.flush();
    }

    @Benchmark
    public void rawParallel(EmptyFolder fixture) {
        Path folder = fixture.folder;
        int n = records;
        Path[] targets = new Path[n];
        Path[] temps = new Path[n];
        RawFiles.parallelFor(rawPool, RawFiles.THREADS, n, i -> {
            targets[i] = folder.resolve(fileNames[i]);
            temps[i] = RawFiles.tempOf(targets[i], i);
            RawFiles.writeAndForce(temps[i], fileBytes[i]);
        });
        for (int i = 0; i < n; i++) {
            RawFiles.moveAtomically(temps[i], targets[i]);
        }
        RawFiles.syncDirectory(folder);
    }

    @Benchmark
    public void rawSequential(EmptyFolder fixture) {
        Path folder = fixture.folder;
        for (int i = 0; i < records; i++) {
            Path target = folder.resolve(fileNames[i]);
            Path temp = RawFiles.tempOf(target, i);
            RawFiles.writeAndForce(temp, fileBytes[i]);
            RawFiles.moveAtomically(temp, target);
        }
        RawFiles.syncDirectory(folder);
    }
}
