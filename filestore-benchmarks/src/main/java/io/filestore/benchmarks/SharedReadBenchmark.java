package io.filestore.benchmarks;

import java.util.List;
import java.util.Optional;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.filestore.DocumentCollection;
import io.filestore.FileStore;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link LookupBenchmark}'s reads (ops/s, one thread, fresh keys) on a <b>shared</b> collection of
 * {@code records} records: one instance writes them through PostgreSQL (a thousand per transaction), a
 * second instance opens on the database (its memory filled from the snapshot) and is read. Reads never
 * touch the database, so the figures are meant to equal {@code LookupBenchmark} at the same size
 * ({@code -p records=100000} there); a gap would be the cost of shared mode on the read path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class SharedReadBenchmark {

    /** How many records the shared collection holds. */
    @Param({"100000"})
    public int records;

    SharedCluster cluster;
    DocumentCollection users;

    @Setup(Level.Trial)
    public void open() {
        cluster = SharedCluster.start();
        FileStore writer = cluster.instance();
        Records.fill(writer.collection(SharedCluster.COLLECTION), writer, records);
        users = cluster.instance().collection(SharedCluster.COLLECTION);
        if (users.count() != records) {
            throw new IllegalStateException("expected " + records + " records, the reading instance has " + users.count());
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        cluster.close();
    }

    private int randomRecord() {
        return ThreadLocalRandom.current().nextInt(records);
    }

    /** Get by id as compact JSON text. */
    @Benchmark
    public Optional<String> getJson() {
        return users.getJson(Records.id(randomRecord()));
    }

    /** Get by id as a fresh Jackson tree. */
    @Benchmark
    public Optional<ObjectNode> getTree() {
        return users.get(Records.id(randomRecord()));
    }

    /** Find the ids whose unique indexed {@code email} equals a value (one id). */
    @Benchmark
    public List<String> findIdsByEmail() {
        return users.findIds("email", Records.email(randomRecord()));
    }

    /** Find the record whose unique indexed {@code email} equals a value, as JSON text. */
    @Benchmark
    public Optional<String> findJsonByEmail() {
        List<String> ids = users.findIds("email", Records.email(randomRecord()));
        return ids.isEmpty() ? Optional.empty() : users.getJson(ids.get(0));
    }
}
