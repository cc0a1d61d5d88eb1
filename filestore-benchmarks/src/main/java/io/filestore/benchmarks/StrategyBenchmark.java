package io.filestore.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

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

import io.filestore.CollectionOptions;
import io.filestore.DocumentCollection;
import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.Format;
import io.filestore.Strategy;

/**
 * Load and flush of 100k records for each persisted strategy, with {@code email} unique and
 * {@code city} indexed. {@code flush}: a store with 100k new records in memory (written without the
 * log, not timed) is flushed once. {@code load}: the same data set, written once per trial, is opened
 * and closed. The trial setup prints the disk bytes per record of the collection's files.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StrategyBenchmark {

    @Param({"file-per-record", "single-file-json", "single-file-jsonl", "append-only", "compressed"})
    public String layout;

    @Param({"100000"})
    public int records;

    private Path loadDir;
    private Path flushDir;
    private FileStore flushStore;

    @Setup(Level.Trial)
    public void writeDataSet() {
        loadDir = TempDirs.create("filestore-strategy-load");
        try (FileStore store = FileStore.open(options(loadDir))) {
            fill(store.collection("users"));
        }
        long bytes = TempDirs.apparentBytes(loadDir, file -> !loadDir.relativize(file).toString().startsWith("_"));
        System.out.printf("%n[disk] layout=%s records=%d bytes=%d bytesPerRecord=%.1f%n", layout, records, bytes,
                (double) bytes / records);
    }

    @TearDown(Level.Trial)
    public void deleteDataSet() {
        TempDirs.delete(loadDir);
    }

    @Setup(Level.Iteration)
    public void fillUnflushedStore() {
        flushDir = TempDirs.create("filestore-strategy-flush");
        flushStore = FileStore.open(options(flushDir));
        fill(flushStore.collection("users"));
    }

    @TearDown(Level.Iteration)
    public void closeUnflushedStore() {
        flushStore.close();
        TempDirs.delete(flushDir);
    }

    @Benchmark
    public void flush() {
        flushStore.flush();
    }

    @Benchmark
    public int load() {
        try (FileStore store = FileStore.open(options(loadDir))) {
            return store.collection("users").count();
        }
    }

    private FileStoreOptions options(Path dir) {
        CollectionOptions.Builder users = CollectionOptions.builder("users").wal(false).unique("email").indexed("city");
        switch (layout) {
            case "single-file-json" -> users.strategy(Strategy.SINGLE_FILE);
            case "single-file-jsonl" -> users.strategy(Strategy.SINGLE_FILE).format(Format.JSONL);
            case "append-only" -> users.strategy(Strategy.SINGLE_FILE).format(Format.JSONL).appendOnly(true);
            case "compressed" -> users.strategy(Strategy.COMPRESSED);
            default -> users.strategy(Strategy.FILE_PER_RECORD);
        }
        // no early flush: all the records stay dirty until the one measured
        return FileStoreOptions.builder(dir).flushInterval(Duration.ofHours(1)).maxDirtyRecords(0).maxUnflushedLogBytes(0)
                .collection(users.build()).build();
    }

    private void fill(DocumentCollection users) {
        for (int i = 0; i < records; i++) {
            users.put(Records.id(i), Records.record(i));
        }
    }

    /** Bytes of the collection's record files and index files (not the log or the store's own files). */
}
