package io.filestore.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
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

import io.filestore.DocumentCollection;
import io.filestore.FileStore;
import tools.jackson.databind.node.ObjectNode;

/**
 * The flush of 1% dirty records in a store of {@code records} records, for the scaling section of the
 * report: how the flush grows with the store when the share of changed records stays the same. Unlike
 * {@link FlushBenchmark} (new records into an empty collection), the store already holds every record
 * as a file, so the flush replaces files in a folder of {@code records} files and rewrites the changed
 * index file of a collection that size.
 * <ul>
 *   <li>{@code fileStoreFlush}: {@code store.flush()} after an untimed set-up changed the {@code age}
 *       (indexed) of {@link #dirtyCount} records: their record files, the {@code age} index file, the
 *       folder syncs and the write-ahead-log checkpoint;</li>
 *   <li>{@code rawParallel}: the raw loop on the same files of the same folder: each file's current
 *       bytes (read in the untimed set-up) to a temp file + {@code force} on 4 threads, rename over
 *       the file, one folder {@code force}. The content does not change, so the store stays as it was.</li>
 * </ul>
 * The data set is {@link OpenBenchmark}'s ({@code file-per-record}, {@code email} unique and
 * {@code age} indexed): with {@link Seeds} on, the run's seed, flushed into in place (it stays a store
 * of the same records, some with a new age); without, a fresh one deleted after the trial. Each
 * iteration changes the next slice of consecutive records, from a random start per fork, so every
 * flush has exactly {@link #dirtyCount} dirty records. Single-shot: score = milliseconds per flush.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class DirtyFlushBenchmark {

    /** The share of the records each flush writes, in percent. */
    public static final int DIRTY_PERCENT = 1;

    private static final String LAYOUT = "file-per-record";

    /** How many records the store holds. */
    @Param({"100000"})
    public int records;

    Path dir;
    private boolean seeded;
    private int dirty;
    private int nextStart;

    /** The records one flush writes: {@link #DIRTY_PERCENT} of {@code records}, at least one. */
    public static int dirtyCount(int records) {
        return (int) Math.max(1, (long) records * DIRTY_PERCENT / 100);
    }

    @Setup(Level.Trial)
    public void dataSet() {
        if (records < 1) {
            throw new IllegalArgumentException("records: " + records + "; use a positive count");
        }
        seeded = Seeds.enabled();
        dir = OpenBenchmark.dataSet(LAYOUT, true, records);
        dirty = dirtyCount(records);
        nextStart = ThreadLocalRandom.current().nextInt(records);
    }

    @TearDown(Level.Trial)
    public void deleteDataSet() {
        if (!seeded) {
            TempDirs.delete(dir);
        }
    }

    /** The records of the next iteration's slice, wrapping around at the end of the records. */
    int[] nextSlice() {
        int[] slice = new int[dirty];
        for (int i = 0; i < dirty; i++) {
            slice[i] = (nextStart + i) % records;
        }
        nextStart = (nextStart + dirty) % records;
        return slice;
    }

    /** The store opened on the data set; each iteration's set-up changes one slice of it. */
    @State(Scope.Benchmark)
    public static class DirtyStore {
        FileStore store;
        DocumentCollection users;

        @Setup(Level.Trial)
        public void open(DirtyFlushBenchmark bench) {
            store = FileStore.open(OpenBenchmark.options(bench.dir, LAYOUT, true));
            users = store.collection("users");
            if (users.count() != bench.records) {
                throw new IllegalStateException("expected " + bench.records + " records, loaded " + users.count());
            }
        }

        /** Gives each record of the slice a new age, a thousand per transaction: their log fsyncs are not timed. */
        @Setup(Level.Iteration)
        public void changeSlice(DirtyFlushBenchmark bench) {
            int[] slice = bench.nextSlice();
            for (int first = 0; first < slice.length; first += 1000) {
                int from = first;
                store.runInTransaction(tx -> {
                    for (int i = from; i < Math.min(slice.length, from + 1000); i++) {
                        String id = Records.id(slice[i]);
                        ObjectNode record = users.get(id).orElseThrow();
                        record.put("age", 18 + (record.get("age").asInt() - 17) % 60);
                        users.put(id, record);
                    }
                });
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            store.close();
        }
    }

    /** The files of one slice with their current bytes, for the raw loop. */
    @State(Scope.Benchmark)
    public static class RawSlice {
        ExecutorService pool;
        Path folder;
        Path[] targets;
        byte[][] bytes;

        @Setup(Level.Trial)
        public void start(DirtyFlushBenchmark bench) {
            pool = Executors.newFixedThreadPool(RawFiles.THREADS);
            folder = bench.dir.resolve("users");
        }

        @Setup(Level.Iteration)
        public void readSlice(DirtyFlushBenchmark bench) {
            int[] slice = bench.nextSlice();
            targets = new Path[slice.length];
            bytes = new byte[slice.length][];
            for (int i = 0; i < slice.length; i++) {
                targets[i] = folder.resolve(Records.id(slice[i]) + ".json");
                try {
                    bytes[i] = Files.readAllBytes(targets[i]);
                } catch (IOException e) {
                    throw new UncheckedIOException("the data set has no record file " + targets[i], e);
                }
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            pool.shutdownNow();
        }
    }

    @Benchmark
    public void fileStoreFlush(DirtyStore fixture) {
        fixture.store.flush();
    }

    @Benchmark
    public void rawParallel(RawSlice fixture) {
        Path[] targets = fixture.targets;
        Path[] temps = new Path[targets.length];
        RawFiles.parallelFor(fixture.pool, RawFiles.THREADS, targets.length, i -> {
            temps[i] = RawFiles.tempOf(targets[i], i);
            RawFiles.writeAndForce(temps[i], fixture.bytes[i]);
        });
        for (int i = 0; i < targets.length; i++) {
            RawFiles.moveAtomically(temps[i], targets[i]);
        }
        RawFiles.syncDirectory(fixture.folder);
    }
}
