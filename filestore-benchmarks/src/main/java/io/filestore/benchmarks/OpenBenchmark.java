package io.filestore.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

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
import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.Format;
import io.filestore.Strategy;

/**
 * Startup cost of a collection of {@code records} records (default 100k) in {@code layout}
 * {@code file-per-record} (default) or {@code single-file-jsonl} (one JSON line per record, the
 * layout the suite uses at 1M records, where a million files would take minutes to create), against
 * the raw limit (PERFORMANCE.md target: open at most 2x the raw parallel read, page cache warm,
 * parsing included):
 * <ul>
 *   <li>{@code fileStoreOpen}: {@code FileStore.open} + {@code close} of the folder: lock, list,
 *       read and parse every record file on the store's I/O pool, re-encode to compact JSON, build
 *       the indexes (when {@code indexed}), check the index files; close finds nothing to flush;</li>
 *   <li>{@code rawParallelRead}: list the collection's record files (every {@code *.json} file of
 *       its folder, or its one {@code .jsonl} file) and {@code Files.readAllBytes} each of them on 4
 *       threads; no parsing;</li>
 *   <li>{@code fileStoreFirstOpen} and {@code rawFirstRead}: the same, but only the first one of a
 *       JVM (no warm-up, one shot): what an application sees at startup, with the JIT cold. In the
 *       suite an earlier fork wrote the data set, so nothing ran in this JVM before the open; alone,
 *       the setup before it has run FileStore's write path, not its load.</li>
 * </ul>
 * The suite measures {@code fileStoreOpen} and {@code rawParallelRead} after 8 warm-up shots, with a GC
 * before every shot: the first ten opens of a JVM get faster shot by shot as the JIT compiles the load.
 * The collection uses the default {@code wal: true}; after the close that wrote the data set the log
 * holds nothing to replay, so an open only checks the checkpoint and starts a fresh segment.
 * The data set is written by FileStore itself (put in transactions of 1000, then close), once per
 * trial, or once per suite run with {@link Seeds} on (the opens of every fork share it). The files
 * are then in the page cache, so this measures warm opens; a cold open is
 * dominated by the disk (see PERFORMANCE.md). Single-shot: score = milliseconds per open (or per
 * full read) of the folder.
 * With {@code indexed=true} the collection has {@code email} unique and {@code age} indexed, as the
 * peers of the suite have (before the suite the second index was {@code username}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 1)
@Measurement(iterations = 5)
public class OpenBenchmark {

    /** How many record files the collection folder holds. */
    @Param({"100000"})
    public int records;

    /** Whether the collection declares two indexes (email unique, age). */
    @Param({"false"})
    public boolean indexed;

    /** {@code file-per-record} or {@code single-file-jsonl}. */
    @Param({"file-per-record"})
    public String layout;

    private Path dir;
    private boolean seeded;
    private FileStoreOptions options;
    private ExecutorService rawPool;

    @Setup(Level.Trial)
    public void createDataSet() {
        seeded = Seeds.enabled();
        dir = dataSet(layout, indexed, records);
        options = options(dir, layout, indexed);
        rawPool = Executors.newFixedThreadPool(RawFiles.THREADS);
    }

    /**
     * A store folder of {@code records} records in {@code layout}: with {@link Seeds} on, the run's
     * shared seed (built by the first fork that asks; opening never changes the records, so forks can
     * share one seed as the shots of a fork share a folder), else a fresh folder the caller deletes.
     * {@link DirtyFlushBenchmark} flushes into the same seed.
     */
    static Path dataSet(String layout, boolean indexed, int records) {
        String name = "filestore-" + layout + "-" + records + (indexed ? "-indexed" : "");
        return Seeds.enabled() ? Seeds.get(name, folder -> write(folder, layout, indexed, records))
                : write(TempDirs.create("open"), layout, indexed, records);
    }

    private static Path write(Path folder, String layout, boolean indexed, int records) {
        try (FileStore store = FileStore.open(options(folder, layout, indexed))) {
            Records.fill(store.collection("users"), store, records);
        }
        return folder;
    }

    /** The options of a {@link #dataSet}: one collection {@code users}, flushed only when asked (or closed). */
    static FileStoreOptions options(Path folder, String layout, boolean indexed) {
        CollectionOptions.Builder users = CollectionOptions.builder("users");
        switch (layout) {
            case "file-per-record" -> users.strategy(Strategy.FILE_PER_RECORD);
            case "single-file-jsonl" -> users.strategy(Strategy.SINGLE_FILE).format(Format.JSONL);
            default -> throw new IllegalArgumentException("unknown layout " + layout);
        }
        if (indexed) {
            users.unique("email").indexed("age");
        }
        return FileStoreOptions.builder(folder)
                .flushInterval(Duration.ofHours(1))
                .collection(users.build())
                .build();
    }

    @TearDown(Level.Trial)
    public void deleteDataSet() {
        if (rawPool != null) {
            rawPool.shutdownNow();
        }
        if (!seeded) {
            TempDirs.delete(dir);
        }
    }

    @Benchmark
    public int fileStoreOpen() {
        try (FileStore store = FileStore.open(options)) {
            int count = store.collection("users").count();
            if (count != records) {
                throw new IllegalStateException("expected " + records + " records, loaded " + count);
            }
            return count;
        }
    }

    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public int fileStoreFirstOpen() {
        return fileStoreOpen();
    }

    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public long rawFirstRead() {
        return rawParallelRead();
    }

    @Benchmark
    public long rawParallelRead() {
        List<Path> files = recordFiles();
        int expected = layout.equals("file-per-record") ? records : 1;
        if (files.size() != expected) {
            throw new IllegalStateException("expected " + expected + " record files, found " + files.size());
        }
        AtomicLongArray bytes = new AtomicLongArray(RawFiles.THREADS);
        RawFiles.parallelFor(rawPool, RawFiles.THREADS, files.size(), i -> {
            try {
                bytes.addAndGet(i % RawFiles.THREADS, Files.readAllBytes(files.get(i)).length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        long total = 0;
        for (int t = 0; t < RawFiles.THREADS; t++) {
            total += bytes.get(t);
        }
        return total;
    }

    private List<Path> recordFiles() {
        boolean onePerRecord = layout.equals("file-per-record");
        Path folder = onePerRecord ? dir.resolve("users") : dir;
        List<Path> files = new ArrayList<>(onePerRecord ? records : 1);
        String pattern = onePerRecord ? "*.json" : "users*.jsonl";
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, pattern)) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
