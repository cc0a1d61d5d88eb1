package io.filestore.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
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
import io.filestore.FileStore;
import io.filestore.FileStoreOptions;

/**
 * Start-up of an instance on {@code records} shared records beside a local open of the same records
 * (single-shot, ms per open + close, warm: the database's pages and the folder's files are cached):
 * <ul>
 *   <li>{@code sharedOpen}: {@code FileStore.open} of a new instance (a fresh data folder) on the database:
 *       schema check, registration, one REPEATABLE READ snapshot of the table ({@code doc::text} of every
 *       row), each record parsed and indexed ({@code email} unique, {@code city}); then close (unregister).</li>
 *   <li>{@code localOpen}: {@link OpenBenchmark}'s {@code fileStoreOpen} on a {@code file-per-record}
 *       folder of the same records and indexes.</li>
 * </ul>
 * Both data sets are written once per trial by FileStore, a thousand records per transaction.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class SharedOpenBenchmark {

    /** How many records the shared collection and the local folder hold. */
    @Param({"100000"})
    public int records;

    SharedCluster cluster;
    Path local;
    FileStoreOptions localOptions;

    @Setup(Level.Trial)
    public void createDataSets() {
        cluster = SharedCluster.start();
        try (FileStore writer = FileStore.open(cluster.options())) {
            Records.fill(writer.collection(SharedCluster.COLLECTION), writer, records);
        }
        local = TempDirs.create("shared-open-local");
        localOptions = FileStoreOptions.builder(local).flushInterval(Duration.ofHours(1))
                .collection(CollectionOptions.builder(SharedCluster.COLLECTION).unique("email").indexed("city").build())
                .build();
        try (FileStore writer = FileStore.open(localOptions)) {
            Records.fill(writer.collection(SharedCluster.COLLECTION), writer, records);
        }
    }

    @TearDown(Level.Trial)
    public void deleteDataSets() {
        try {
            cluster.close();
        } finally {
            TempDirs.delete(local);
        }
    }

    @Benchmark
    public int sharedOpen() {
        try (FileStore store = FileStore.open(cluster.options())) {
            return store.collection(SharedCluster.COLLECTION).count();
        }
    }

    @Benchmark
    public int localOpen() {
        try (FileStore store = FileStore.open(localOptions)) {
            return store.collection(SharedCluster.COLLECTION).count();
        }
    }
}
