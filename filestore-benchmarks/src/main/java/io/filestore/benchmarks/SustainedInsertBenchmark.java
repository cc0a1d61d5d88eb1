package io.filestore.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import org.openjdk.jmh.annotations.AuxCounters;
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

/**
 * Durable inserts counted until they are on disk: {@code writers} threads (default 64) insert new
 * records for {@code seconds} (default 60), each insert returning once it is durable as the store
 * promises it, then the store is closed, which for FileStore is the final flush of every record to its
 * file. The rate is every acknowledged insert divided by the whole time, the run and the close:
 * what a user who loads data and then stops the application gets, not how fast the commits alone
 * return. {@link DurablePutBenchmark} measures that commit path (its persister writes no record
 * files); with {@code file-per-record}, commits are acknowledged several times faster than the flush
 * writes the files, and the difference waits for the close.
 * <ul>
 *   <li>{@code file-per-record}: FileStore's default strategy with its defaults ({@code wal: true},
 *       fsync before each put returns, flush every 2 s), {@code email} unique and {@code age}
 *       indexed, as in {@link DurablePutBenchmark};</li>
 *   <li>{@code jsonl-append-only}: the same in a {@code single-file} JSON Lines collection with
 *       {@code append-only: true}, whose flush appends the changed records to one file;</li>
 *   <li>{@code sqlite}: SQLite {@code synchronous=FULL} in WAL mode ({@code PeerStore}): durable at
 *       commit; its close checkpoints the WAL into the database file;</li>
 *   <li>for manual runs, FileStore's other strategies: {@code single-file-json},
 *       {@code single-file-jsonl} (each flush rewrites the file) and {@code compressed}.</li>
 * </ul>
 * Each record is a copy of one of 1024 pre-built records with its own id and email. One run per
 * iteration, in a fresh folder, with a cold JIT as an application's first minute has: JMH's
 * throughput score is runs per second (meaningless here); the secondary result {@code inserts} is the
 * rate, inserts per second of the run plus the close. {@code acknowledged} (the count) and
 * {@code closeMillis} (the close alone) are reported beside it, and printed. The suite runs one
 * iteration, no warm-up, with a 6 GB heap: without a bound on the unflushed backlog, a minute of
 * {@code file-per-record} commits holds millions of records.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@Warmup(iterations = 0)
@Measurement(iterations = 1, time = 1, timeUnit = TimeUnit.MILLISECONDS)
public class SustainedInsertBenchmark {

    /** A {@link DurableSink} name: {@code file-per-record}, {@code jsonl-append-only}, {@code sqlite}, ... */
    @Param({"file-per-record", "jsonl-append-only", "sqlite"})
    public String store;

    /** How long the writers insert before the close. */
    @Param({"60"})
    public int seconds;

    /** How many writer threads insert at once. */
    @Param({"64"})
    public int writers;

    /** The rate, normalized by JMH to the run's whole time: inserts per second, the close included. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Rate {
        public long inserts;

        @Setup(Level.Iteration)
        public void reset() {
            inserts = 0;
        }
    }

    /** Totals of the run, not normalized: how many inserts were acknowledged, how long the close took. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Totals {
        public long acknowledged;
        public long closeMillis;

        @Setup(Level.Iteration)
        public void reset() {
            acknowledged = 0;
            closeMillis = 0;
        }
    }

    Path dir;
    private DurableSink sink;

    @Setup(Level.Iteration)
    public void open() {
        dir = TempDirs.create("sustained-" + store);
        sink = DurableSink.open(store, dir);
    }

    @TearDown(Level.Iteration)
    public void delete() {
        TempDirs.deleteAndSettle(dir);
    }

    /** Inserts from {@code writers} threads for {@code seconds}, then closes the store. */
    @Benchmark
    public void insertThenClose(Rate rate, Totals totals) throws InterruptedException {
        long start = System.nanoTime();
        long acknowledged = insertFor(seconds);
        long closeStart = System.nanoTime();
        sink.close();
        long end = System.nanoTime();
        rate.inserts = acknowledged;
        totals.acknowledged = acknowledged;
        totals.closeMillis = TimeUnit.NANOSECONDS.toMillis(end - closeStart);
        System.out.printf(Locale.ROOT, "%n[sustained] %s, %d writers: %,d inserts acknowledged in %.1f s (%,.0f/s);"
                        + " close %.1f s; counted to disk %,.0f/s%n", store, writers, acknowledged,
                (closeStart - start) / 1e9, acknowledged / ((closeStart - start) / 1e9), (end - closeStart) / 1e9,
                acknowledged / ((end - start) / 1e9));
    }

    /** Runs the writers until {@code runSeconds} have passed; returns how many inserts they completed. */
    private long insertFor(int runSeconds) throws InterruptedException {
        AtomicInteger nextId = new AtomicInteger();
        LongAdder done = new LongAdder();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(runSeconds);
        List<Thread> threads = new ArrayList<>(writers);
        for (int t = 0; t < writers; t++) {
            Thread writer = new Thread(() -> {
                try {
                    while (System.nanoTime() < deadline && failure.get() == null) {
                        sink.insert(nextId.getAndIncrement());
                        done.increment();
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }, "sustained-writer-" + t);
            writer.start();
            threads.add(writer);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException(store + ": a writer failed after " + done.sum() + " inserts",
                    failure.get());
        }
        return done.sum();
    }
}
