package io.filestore.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.filestore.FileStore;
import tools.jackson.databind.node.ObjectNode;

/**
 * Durable writes in shared mode beside plain JDBC (ops/s), on one real PostgreSQL (see
 * {@link SharedCluster}), with 1 and 64 writer threads:
 * <ul>
 *   <li>{@code sharedPut1}, {@code sharedPut64}: {@code collection.put(id, record)} outside a transaction
 *       on two FileStore instances of one JVM, the writer threads taking them in turn. Each put returns
 *       once PostgreSQL committed it (the row upserted, a change entry appended, a {@code NOTIFY}), under
 *       the store's cross-instance writer lock; concurrent puts of one instance are combined into one
 *       database transaction.</li>
 *   <li>{@code jdbcUpsert1}, {@code jdbcUpsert64}: the floor: the same documents as {@code jsonb} into a
 *       plain {@code (id text primary key, doc jsonb)} table, one autocommitted
 *       {@code insert ... on conflict (id) do update} per call, a connection per thread, no lock, no
 *       change table.</li>
 * </ul>
 * The ratio of the two at each thread count is the point (PostgreSQL's default
 * {@code synchronous_commit = on}: each commit waits for its WAL flush). Every thread writes records of
 * {@value #DISTINCT} ids (inserts first, replacements after), {@link Records#record} each, {@code email}
 * unique and {@code city} indexed in the store.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class SharedWriteBenchmark {

    static final int DISTINCT = 10_000;

    private static final AtomicInteger THREADS = new AtomicInteger();

    SharedCluster cluster;
    FileStore[] instances;
    ObjectNode[] records;
    String[] json;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        cluster = SharedCluster.start();
        instances = new FileStore[] {cluster.instance(), cluster.instance()};
        records = new ObjectNode[DISTINCT];
        json = new String[DISTINCT];
        for (int i = 0; i < DISTINCT; i++) {
            records[i] = Records.record(i);
            json[i] = records[i].toString();
        }
        try (Connection connection = cluster.postgres().connect(); Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists plain_users (id text primary key, doc jsonb not null)");
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        cluster.close();
    }

    /** One writer thread: its instance, its JDBC connection (opened on first use), its next record. */
    @State(Scope.Thread)
    public static class Writer {
        FileStore store;
        int next;
        Connection connection;
        PreparedStatement upsert;

        @Setup(Level.Trial)
        public void setUp(SharedWriteBenchmark bench) {
            int thread = THREADS.getAndIncrement();
            store = bench.instances[thread % bench.instances.length];
            next = thread * 7_919;
        }

        int nextRecord() {
            next = (next + 1) % DISTINCT;
            return next;
        }

        PreparedStatement upsert(SharedWriteBenchmark bench) throws SQLException {
            if (upsert == null) {
                connection = bench.cluster.postgres().connect();
                upsert = connection.prepareStatement("insert into plain_users (id, doc) values (?, ?::jsonb)"
                        + " on conflict (id) do update set doc = excluded.doc");
            }
            return upsert;
        }

        @TearDown(Level.Trial)
        public void tearDown() throws SQLException {
            if (connection != null) {
                connection.close();
            }
        }
    }

    @Benchmark
    @Threads(1)
    public void sharedPut1(Writer writer) {
        put(writer);
    }

    @Benchmark
    @Threads(64)
    public void sharedPut64(Writer writer) {
        put(writer);
    }

    @Benchmark
    @Threads(1)
    public int jdbcUpsert1(Writer writer) throws SQLException {
        return upsert(writer);
    }

    @Benchmark
    @Threads(64)
    public int jdbcUpsert64(Writer writer) throws SQLException {
        return upsert(writer);
    }

    void put(Writer writer) {
        int i = writer.nextRecord();
        writer.store.collection(SharedCluster.COLLECTION).put(Records.id(i), records[i]);
    }

    int upsert(Writer writer) throws SQLException {
        int i = writer.nextRecord();
        PreparedStatement upsert = writer.upsert(this);
        upsert.setString(1, Records.id(i));
        upsert.setString(2, json[i]);
        return upsert.executeUpdate();
    }
}
