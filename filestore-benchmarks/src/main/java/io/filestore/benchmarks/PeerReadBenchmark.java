package io.filestore.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

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
import io.filestore.benchmarks.peer.PeerStore;

/**
 * The peers' reads on a store of {@code records} records, one thread, a random existing key each
 * call, beside FileStore's {@link LookupBenchmark#getJson} and {@link QueryBenchmark} (indexed):
 * <ul>
 *   <li>{@code get}: by id (primary key, map key or unique index);</li>
 *   <li>{@code findByEmail}: through the unique {@code email} index, returning the document;</li>
 *   <li>{@code ageAtLeastTop10}: {@code age >= v order by age limit 10} through the {@code age}
 *       index;</li>
 *   <li>{@code firstPageByUsername}, {@code middlePageByUsername}: 20 records in {@code username} order
 *       (indexed) from the start, or from half-way ({@code records / 2}: offset 50,000 at 100k);</li>
 *   <li>{@code firstPageByName}: the first 20 in {@code name} order, which no index holds (a top-k
 *       sort of every record). The pages run on the SQL peers only ({@link PeerStore#page}), which
 *       index {@code username} in the set-up ({@link PeerStore#indexForPages}).</li>
 * </ul>
 * The store is loaded once per trial ({@link PeerDataSets}) and reopened, so reads start from what the store keeps on
 * disk and in its own caches (SQLite's default page cache is 2 MB; H2's and Nitrite's MVStore cache
 * 16 MB), with the files in the OS page cache. Score: operations per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class PeerReadBenchmark {

    /** {@code sqlite}, {@code h2-sql}, {@code h2-mvstore} or {@code nitrite}. */
    @Param({"sqlite", "h2-sql", "h2-mvstore", "nitrite"})
    public String peer;

    /** How many records the store holds. */
    @Param({"100000"})
    public int records;

    private Path dir;
    private PeerStore store;

    @Setup(Level.Trial)
    public void load() {
        dir = TempDirs.create("peer-read");
        PeerDataSets.fill(peer, records, dir);
        store = PeerStore.open(peer, dir, CommitMode.WRITE);
        store.indexForPages();
        if (store.count() != records) {
            throw new IllegalStateException("expected " + records + " records in " + peer + ", found " + store.count());
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

    @Benchmark
    public Object get() {
        return store.get(Records.id(ThreadLocalRandom.current().nextInt(records)));
    }

    @Benchmark
    public List<?> findByEmail() {
        return store.findByEmail(Records.email(ThreadLocalRandom.current().nextInt(records)));
    }

    @Benchmark
    public List<?> ageAtLeastTop10() {
        return store.ageAtLeastTop10(18 + ThreadLocalRandom.current().nextInt(60));
    }

    @Benchmark
    public List<?> firstPageByUsername() {
        return store.page("username", 0, Records.PAGE_SIZE);
    }

    @Benchmark
    public List<?> middlePageByUsername() {
        return store.page("username", records / 2, Records.PAGE_SIZE);
    }

    @Benchmark
    public List<?> firstPageByName() {
        return store.page("name", 0, Records.PAGE_SIZE);
    }
}
