package io.filestore.benchmarks.peer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite through sqlite-jdbc in WAL mode: a table {@code users(id TEXT PRIMARY KEY, doc TEXT, email
 * TEXT UNIQUE, age INTEGER)} with an index on {@code age}; {@link CommitMode#FSYNC} is
 * {@code synchronous=FULL}, {@link CommitMode#WRITE} is {@code synchronous=NORMAL}. One connection,
 * used under a lock: SQLite runs one writer at a time, and a connection per thread would only add
 * busy-waiting on the write lock.
 */
final class SqlitePeer implements PeerStore {

    private static final int LOAD_BATCH = 10_000;

    private final Path folder;
    private final Connection connection;
    private final PreparedStatement insert;
    private final PreparedStatement update;
    private final PreparedStatement byId;
    private final PreparedStatement byEmail;
    private final PreparedStatement ageTop10;

    SqlitePeer(Path folder, CommitMode mode) {
        this.folder = folder;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("users.db"));
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
                statement.execute("PRAGMA synchronous=" + (mode == CommitMode.FSYNC ? "FULL" : "NORMAL"));
                statement.execute("CREATE TABLE IF NOT EXISTS users (id TEXT PRIMARY KEY, doc TEXT NOT NULL,"
                        + " email TEXT NOT NULL UNIQUE, age INTEGER NOT NULL)");
                statement.execute("CREATE INDEX IF NOT EXISTS users_age ON users (age)");
            }
            insert = connection.prepareStatement("INSERT INTO users (id, doc, email, age) VALUES (?, ?, ?, ?)");
            update = connection.prepareStatement("UPDATE users SET doc = ?, email = ?, age = ? WHERE id = ?");
            byId = connection.prepareStatement("SELECT doc FROM users WHERE id = ?");
            byEmail = connection.prepareStatement("SELECT doc FROM users WHERE email = ?");
            ageTop10 = connection.prepareStatement("SELECT doc FROM users WHERE age >= ? ORDER BY age LIMIT 10");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open SQLite in " + folder, e);
        }
    }

    @Override
    public synchronized void insert(PeerRecord record) {
        try {
            bindInsert(record);
            insert.executeUpdate(); // auto-commit: one transaction per insert
        } catch (SQLException e) {
            throw new IllegalStateException("insert " + record.id(), e);
        }
    }

    @Override
    public synchronized void update(PeerRecord record) {
        try {
            update.setString(1, record.json());
            update.setString(2, record.email());
            update.setInt(3, record.age());
            update.setString(4, record.id());
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("no record " + record.id() + " to update");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("update " + record.id(), e);
        }
    }

    @Override
    public synchronized void load(int count) {
        try {
            connection.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                bindInsert(PeerRecord.of(i));
                insert.addBatch();
                if ((i + 1) % LOAD_BATCH == 0 || i == count - 1) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException("load " + count + " records", e);
        }
    }

    private void bindInsert(PeerRecord record) throws SQLException {
        insert.setString(1, record.id());
        insert.setString(2, record.json());
        insert.setString(3, record.email());
        insert.setInt(4, record.age());
    }

    @Override
    public synchronized Object get(String id) {
        List<String> docs = docs(byId, id);
        return docs.isEmpty() ? null : docs.get(0);
    }

    @Override
    public synchronized List<String> findByEmail(String email) {
        return docs(byEmail, email);
    }

    @Override
    public synchronized List<String> ageAtLeastTop10(int minAge) {
        return docs(ageTop10, minAge);
    }

    private static List<String> docs(PreparedStatement query, Object value) {
        try {
            query.setObject(1, value);
            List<String> docs = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    docs.add(rows.getString(1));
                }
            }
            return docs;
        } catch (SQLException e) {
            throw new IllegalStateException("query for " + value, e);
        }
    }

    @Override
    public synchronized long count() {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM users")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("count", e);
        }
    }

    @Override
    public Path folder() {
        return folder;
    }

    @Override
    public synchronized void close() {
        try {
            connection.close(); // closes the statements; the last connection checkpoints the WAL
        } catch (SQLException e) {
            throw new IllegalStateException("close SQLite in " + folder, e);
        }
    }
}
