package io.filestore.benchmarks;

import java.nio.file.Path;
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

import io.filestore.benchmarks.peer.CommitMode;
import io.filestore.benchmarks.peer.PeerStore;


/**
 * The peers' startup beside FileStore's {@link OpenBenchmark}: open a store of {@code records}
 * records, count them, read one record by id, close. The peers read their files lazily, so this is
 * the time until the first query is answered, not a load of every record as FileStore's open is.
 * The data set is written once per trial ({@link PeerDataSets}); the files are then in the page cache (warm open).
 * Single-shot: score = milliseconds per open.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 1)
@Measurement(iterations = 5)
public class PeerOpenBenchmark {

    /** {@code sqlite}, {@code h2-mvstore} or {@code nitrite}. */
    @Param({"sqlite", "h2-mvstore", "nitrite"})
    public String peer;

    /** How many records the store holds. */
    @Param({"100000"})
    public int records;

    private Path dir;

    @Setup(Level.Trial)
    public void createDataSet() {
        dir = TempDirs.create("peer-open");
        PeerDataSets.fill(peer, records, dir);
    }

    @TearDown(Level.Trial)
    public void deleteDataSet() {
        TempDirs.delete(dir);
    }

    @Benchmark
    public Object openCountAndGet() {
        try (PeerStore store = PeerStore.open(peer, dir, CommitMode.WRITE)) {
            if (store.count() != records) {
                throw new IllegalStateException("expected " + records + " records in " + peer + ", found "
                        + store.count());
            }
            return store.get(Records.id(records / 2));
        }
    }
}
