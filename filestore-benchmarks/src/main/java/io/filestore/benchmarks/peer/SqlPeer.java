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
import java.util.Map;

/**
 * A relational peer through JDBC, used as its users use it: one table {@code users(id PRIMARY KEY, doc,
 * email UNIQUE, username, name, age)} with an index on {@code age}, prepared statements, and SQL for
 * every read (the range query is {@code WHERE age >= ? ORDER BY age LIMIT 10}, a page is
 * {@code ORDER BY username LIMIT 20 OFFSET ?}, or the standard {@code OFFSET ? ROWS FETCH NEXT 20 ROWS ONLY}
 * for H2). The read benchmarks also index {@code username} ({@link #indexForPages}), for the paging rows;
 * {@code name} stays unindexed.
 * One connection, used under a lock: SQLite runs one writer at a time, and a connection per thread
 * would only add busy-waiting on its write lock. The two dialects:
 * <ul>
 *   <li>{@link Dialect#SQLITE}: sqlite-jdbc in WAL mode; {@link CommitMode#FSYNC} is
 *       {@code synchronous=FULL}, {@link CommitMode#WRITE} is {@code synchronous=NORMAL};</li>
 *   <li>{@link Dialect#H2}: H2's SQL engine (on its MVStore) with {@code OPTIMIZE_REUSE_RESULTS=0},
 *       so a repeated query is run again rather than answered from a result H2 kept. H2 has no setting
 *       that forces each commit to disk, so it is opened with {@link CommitMode#WRITE} only; the
 *       durable commits of its storage engine are those of {@link H2MvStorePeer}.</li>
 * </ul>
 */
final class SqlPeer implements PeerStore {

    /** The SQL engines this adapter drives, and how each limits a query's rows. */
    enum Dialect {
        /** {@code LIMIT ? OFFSET ?}. */
        SQLITE(" LIMIT 10", " LIMIT ? OFFSET ?", false),
        /** The standard SQL form, which H2 parses in its regular mode. */
        H2(" FETCH FIRST 10 ROWS ONLY", " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", true);

        private final String first10;
        private final String page;
        private final boolean offsetFirst;

        Dialect(String first10, String page, boolean offsetFirst) {
            this.first10 = first10;
            this.page = page;
            this.offsetFirst = offsetFirst;
        }

        void bindPage(PreparedStatement statement, int offset, int limit) throws SQLException {
            statement.setInt(offsetFirst ? 1 : 2, offset);
            statement.setInt(offsetFirst ? 2 : 1, limit);
        }
    }

    /** The fields a page can be sorted by: {@code username} (indexed once loaded) and {@code name} (never). */
    static final List<String> PAGE_FIELDS = List.of("username", "name");

    private static final int LOAD_BATCH = 10_000;

    private final Dialect dialect;
    private final Path folder;
    private final Connection connection;
    private final PreparedStatement insert;
    private final PreparedStatement update;
    private final PreparedStatement byId;
    private final PreparedStatement byEmail;
    private final PreparedStatement ageTop10;
    private final Map<String, PreparedStatement> pages;

    SqlPeer(Dialect dialect, Path folder, CommitMode mode) {
        this.dialect = dialect;
        this.folder = folder;
        try {
            connection = connect(dialect, folder, mode);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS users (id VARCHAR(16) PRIMARY KEY, doc VARCHAR(4000) NOT NULL,"
                        + " email VARCHAR(100) NOT NULL UNIQUE, username VARCHAR(100) NOT NULL,"
                        + " name VARCHAR(100) NOT NULL, age INTEGER NOT NULL)");
                statement.execute("CREATE INDEX IF NOT EXISTS users_age ON users (age)");
            }
            insert = connection.prepareStatement(
                    "INSERT INTO users (id, doc, email, username, name, age) VALUES (?, ?, ?, ?, ?, ?)");
            // username and name never change in an update: setting them would make SQLite move the username index
            update = connection.prepareStatement("UPDATE users SET doc = ?, email = ?, age = ? WHERE id = ?");
            byId = connection.prepareStatement("SELECT doc FROM users WHERE id = ?");
            byEmail = connection.prepareStatement("SELECT doc FROM users WHERE email = ?");
            ageTop10 = connection.prepareStatement("SELECT doc FROM users WHERE age >= ? ORDER BY age" + dialect.first10);
            pages = Map.of(
                    "username", connection.prepareStatement("SELECT doc FROM users ORDER BY username" + dialect.page),
                    "name", connection.prepareStatement("SELECT doc FROM users ORDER BY name" + dialect.page));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open " + dialect + " in " + folder, e);
        }
    }

    private static Connection connect(Dialect dialect, Path folder, CommitMode mode) throws SQLException {
        if (dialect == Dialect.H2) {
            if (mode != CommitMode.WRITE) {
                throw new IllegalArgumentException("h2-sql takes commit mode WRITE, not " + mode
                        + ": H2's SQL engine has no setting that forces each commit to disk (h2-mvstore does)");
            }
            return DriverManager.getConnection("jdbc:h2:file:" + folder.resolve("users").toAbsolutePath()
                    + ";OPTIMIZE_REUSE_RESULTS=0");
        }
        Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("users.db"));
        try (Statement statement = sqlite.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("PRAGMA synchronous=" + (mode == CommitMode.FSYNC ? "FULL" : "NORMAL"));
        }
        return sqlite;
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

    /** Replaces the document, email and age: an update here never changes {@code username} or {@code name}. */
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

    /** Inserts in transactions of {@value #LOAD_BATCH}. */
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

    @Override
    public synchronized void indexForPages() {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE INDEX IF NOT EXISTS users_username ON users (username)");
        } catch (SQLException e) {
            throw new IllegalStateException("index username in " + folder, e);
        }
    }

    private void bindInsert(PeerRecord record) throws SQLException {
        insert.setString(1, record.id());
        insert.setString(2, record.json());
        insert.setString(3, record.email());
        insert.setString(4, text(record, "username"));
        insert.setString(5, text(record, "name"));
        insert.setInt(6, record.age());
    }

    private static String text(PeerRecord record, String field) {
        return record.tree().get(field).stringValue();
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

    @Override
    public synchronized List<String> page(String field, int offset, int limit) {
        PreparedStatement page = pages.get(field);
        if (page == null) {
            throw new IllegalArgumentException("cannot page by " + field + "; use one of " + PAGE_FIELDS);
        }
        try {
            dialect.bindPage(page, offset, limit);
            return rows(page);
        } catch (SQLException e) {
            throw new IllegalStateException("page by " + field + " from " + offset, e);
        }
    }

    private static List<String> docs(PreparedStatement query, Object value) {
        try {
            query.setObject(1, value);
            return rows(query);
        } catch (SQLException e) {
            throw new IllegalStateException("query for " + value, e);
        }
    }

    private static List<String> rows(PreparedStatement query) throws SQLException {
        List<String> docs = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                docs.add(rows.getString(1));
            }
        }
        return docs;
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
            connection.close(); // closes the statements; SQLite's last connection checkpoints its WAL
        } catch (SQLException e) {
            throw new IllegalStateException("close " + folder, e);
        }
    }
}
