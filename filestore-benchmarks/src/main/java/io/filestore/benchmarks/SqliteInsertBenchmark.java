package io.filestore.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
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
import org.openjdk.jmh.annotations.Threads;

/**
 * The peer for {@link DurablePutBenchmark}: SQLite through sqlite-jdbc in WAL mode, one transaction
 * per insert of the same 300-byte JSON documents, on one connection (SQLite has one writer at a time).
 * {@code FULL} fsyncs every commit (durable like {@code wal: true}); {@code NORMAL} survives a process
 * crash but not a power loss (like a positive fsync interval).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SqliteInsertBenchmark {

    private static final int DISTINCT_RECORDS = 1024;

    @Param({"FULL", "NORMAL"})
    public String synchronous;

    private final String[] documents = new String[DISTINCT_RECORDS];
    private Path dir;
    private Connection connection;
    private PreparedStatement insert;
    private int next;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        for (int i = 0; i < DISTINCT_RECORDS; i++) {
            documents[i] = new String(Records.compactBytes(i), StandardCharsets.UTF_8);
        }
        dir = TempDirs.create("filestore-sqlite");
        connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("bench.db"));
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("PRAGMA synchronous=" + synchronous);
            statement.execute("CREATE TABLE users (id TEXT PRIMARY KEY, doc TEXT NOT NULL)");
        }
        insert = connection.prepareStatement("INSERT INTO users (id, doc) VALUES (?, ?)");
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        insert.close();
        connection.close();
        TempDirs.delete(dir);
    }

    @Benchmark
    @Threads(1)
    public int insertOnePerTransaction() throws SQLException {
        int i = next++;
        insert.setString(1, Records.id(i));
        insert.setString(2, documents[i & (DISTINCT_RECORDS - 1)]);
        return insert.executeUpdate(); // auto-commit: one transaction per insert
    }
}
