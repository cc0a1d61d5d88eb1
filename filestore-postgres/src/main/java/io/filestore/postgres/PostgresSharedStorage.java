package io.filestore.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.postgresql.ds.PGSimpleDataSource;

import io.filestore.InvalidOptionsException;
import io.filestore.spi.SharedChange;
import io.filestore.spi.SharedStorage;
import io.filestore.spi.SharedWriteSession;

/**
 * A shared store on PostgreSQL (see {@link PostgresSchema} for the tables): give it to
 * {@code FileStoreOptions.builder(dataDir).shared(PostgresSharedStorage.of(dataSource))}, one per store
 * instance. Uses connections from the given {@link DataSource} (a pool is welcome; without one a URL
 * gets a {@link PGSimpleDataSource}): one for write transactions, kept between them; one held by the
 * follow thread for {@code LISTEN}; short-lived ones for snapshots. Thread-safe.
 *
 * <p>Trimming: on each heartbeat the change table loses the entries every live instance (heartbeat
 * within {@link #instanceTimeout}) has applied, and those older than {@link #retention}, always
 * keeping the newest; an instance that was further behind reloads a snapshot.
 */
public final class PostgresSharedStorage implements SharedStorage {

    /** How long a change entry is kept for an instance that is not live: 1 hour. */
    public static final Duration DEFAULT_RETENTION = Duration.ofHours(1);

    /** How long without a heartbeat before an instance no longer holds back trimming: 30 seconds. */
    public static final Duration DEFAULT_INSTANCE_TIMEOUT = Duration.ofSeconds(30);

    private final DataSource dataSource;
    private final Duration retention;
    private final Duration instanceTimeout;
    private final Object idleLock = new Object();
    private @Nullable Connection idle;
    private final Object followLock = new Object();
    private @Nullable Connection follow;
    private volatile @Nullable String instanceId;

    private PostgresSharedStorage(DataSource dataSource, Duration retention, Duration instanceTimeout) {
        this.dataSource = dataSource;
        this.retention = positive("shared.retention", retention);
        this.instanceTimeout = positive("shared.instance-timeout", instanceTimeout);
    }

    /** On the given data source (the application's pool, for example), with the default retention. */
    public static PostgresSharedStorage of(DataSource dataSource) {
        return new PostgresSharedStorage(dataSource, DEFAULT_RETENTION, DEFAULT_INSTANCE_TIMEOUT);
    }

    /** On a JDBC URL ({@code jdbc:postgresql://host:5432/db}), through a {@link PGSimpleDataSource}. */
    public static PostgresSharedStorage of(String url, String user, @Nullable String password) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(url);
        source.setUser(user);
        if (password != null) {
            source.setPassword(password);
        }
        source.setConnectTimeout(5);
        source.setSocketTimeout(30);
        source.setTcpKeepAlive(true);
        return of(source);
    }

    /** A copy keeping change entries at most this long for instances that are not live; default 1 hour. */
    public PostgresSharedStorage retention(Duration retention) {
        return new PostgresSharedStorage(dataSource, retention, instanceTimeout);
    }

    /** A copy that counts an instance dead after this long without a heartbeat; default 30 seconds. */
    public PostgresSharedStorage instanceTimeout(Duration instanceTimeout) {
        return new PostgresSharedStorage(dataSource, retention, instanceTimeout);
    }

    private static Duration positive(String option, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new InvalidOptionsException(option, value, "a positive duration such as 1h");
        }
        return value;
    }

    @Override
    public void open(String instance) {
        this.instanceId = instance;
        withConnection("creating or checking the schema", connection -> {
            PostgresSchema.createOrMigrate(connection);
            try (PreparedStatement register = connection.prepareStatement("insert into filestore_instances (id, applied_seq)"
                    + " select ?, coalesce(max(seq), 0) from filestore_changes on conflict (id) do nothing")) {
                register.setString(1, instance);
                register.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public long snapshot(Set<String> collections, boolean withValues, SnapshotSink sink) {
        return withConnection("reading a snapshot", connection -> {
            for (String collection : collections) {
                PostgresSchema.ensureCollection(connection, collection);
            }
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            long[] sequence = {0};
            PostgresSchema.inTransaction(connection, () -> {
                sequence[0] = single(connection, "select coalesce(max(seq), 0) from filestore_changes");
                for (String collection : collections) {
                    readRows(connection, PostgresSchema.quoted(PostgresSchema.tableOf(collection)), "id",
                            (id, doc) -> sink.record(collection, id, doc));
                }
                if (withValues) {
                    readRows(connection, "filestore_values", "key", sink::value);
                }
            });
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            return sequence[0];
        });
    }

    private interface Row {
        void accept(String id, byte[] document);
    }

    private static void readRows(Connection connection, String table, String key, Row row) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(2_000);
            try (ResultSet rows = statement.executeQuery("select " + key + ", doc::text from " + table)) {
                while (rows.next()) {
                    row.accept(rows.getString(1), ChangePayload.document(rows.getString(2)));
                }
            }
        }
    }

    /**
     * A kept connection may have died since (a database restart) without the driver knowing: a failure on
     * it is retried once on a new connection, so the first write after a restart does not fail for it.
     */
    /**
     * Every shared collection the database holds a table for (as registered in
     * {@code filestore_collections}), for tools that export a whole shared store; empty before any.
     */
    public Set<String> collectionNames() {
        return withConnection("listing the collections", connection -> {
            Set<String> names = new TreeSet<>();
            try (Statement statement = connection.createStatement()) {
                if (single(connection, "select count(*) from pg_tables where schemaname = current_schema()"
                        + " and tablename = 'filestore_collections'") == 0) {
                    return names;
                }
                try (ResultSet rows = statement.executeQuery("select name from filestore_collections")) {
                    while (rows.next()) {
                        names.add(rows.getString(1));
                    }
                }
            }
            return names;
        });
    }

    @Override
    public SharedWriteSession beginWrite() {
        Connection kept = takeIdle();
        if (kept != null) {
            try {
                return new PostgresWriteSession(this, kept);
            } catch (SQLException stale) {
                discard(kept);
            }
        }
        Connection connection = null;
        try {
            connection = open();
            return new PostgresWriteSession(this, connection);
        } catch (SQLException e) {
            if (connection != null) {
                discard(connection);
            }
            throw SqlFailures.unavailable("beginning a write transaction", e);
        }
    }

    @Override
    public Changes changesAfter(long sequence) {
        return following("reading the changes", connection -> readChanges(connection, sequence));
    }

    /** What was committed after {@code sequence}; behind the trim point when the entry right after it is gone. */
    static Changes readChanges(Connection connection, long sequence) throws SQLException {
        List<SharedChange> changes = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select seq, tx_id, payload::text from filestore_changes where seq > ? order by seq")) {
            select.setLong(1, sequence);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    changes.add(ChangePayload.decode(rows.getLong(1), rows.getObject(2, UUID.class), rows.getString(3)));
                }
            }
        }
        long trimmed = single(connection, "select value from filestore_state where name = 'trimmed_through'");
        boolean behind = changes.isEmpty() ? trimmed > sequence : changes.get(0).sequence() != sequence + 1;
        return new Changes(behind ? List.of() : changes, behind);
    }

    @Override
    public void awaitChange(Duration timeout) throws InterruptedException {
        PGNotification[] notifications = following("waiting for a notification", connection ->
                connection.unwrap(PGConnection.class).getNotifications((int) Math.max(1, timeout.toMillis())));
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (notifications == null) {
            return;
        }
    }

    @Override
    public void heartbeat(long appliedSequence) {
        following("recording a heartbeat", connection -> {
            try (PreparedStatement beat = connection.prepareStatement("insert into filestore_instances (id, applied_seq)"
                    + " values (?, ?) on conflict (id) do update set applied_seq = excluded.applied_seq, heartbeat = now()")) {
                beat.setString(1, instanceId);
                beat.setLong(2, appliedSequence);
                beat.executeUpdate();
            }
            Trimming.trim(connection, instanceTimeout, retention);
            return null;
        });
    }

    @Override
    public void close() {
        String instance = instanceId;
        if (instance != null) {
            try {
                withConnection("unregistering", connection -> {
                    try (PreparedStatement delete = connection.prepareStatement("delete from filestore_instances where id = ?")) {
                        delete.setString(1, instance);
                        delete.executeUpdate();
                    }
                    return null;
                });
            } catch (RuntimeException e) {
                // unreachable: the row ages out after the instance timeout
            }
        }
        synchronized (followLock) {
            closeQuietly(follow);
            follow = null;
        }
        synchronized (idleLock) {
            closeQuietly(idle);
            idle = null;
        }
    }

    interface SqlCall<T> {
        T call(Connection connection) throws SQLException;
    }

    /** On the follow thread's connection (LISTENing), opened again after a failure. */
    private <T> T following(String doing, SqlCall<T> call) {
        synchronized (followLock) {
            try {
                if (follow == null || follow.isClosed()) {
                    follow = dataSource.getConnection();
                    follow.setAutoCommit(true);
                    try (Statement listen = follow.createStatement()) {
                        listen.execute("listen " + PostgresSchema.CHANNEL);
                    }
                }
                return call.call(follow);
            } catch (SQLException e) {
                closeQuietly(follow);
                follow = null;
                throw SqlFailures.unavailable(doing, e);
            }
        }
    }

    /** On a connection of its own, released afterwards. */
    private <T> T withConnection(String doing, SqlCall<T> call) {
        Connection connection = null;
        try {
            connection = acquire();
            T result = call.call(connection);
            release(connection);
            return result;
        } catch (SQLException e) {
            if (connection != null) {
                discard(connection);
            }
            throw SqlFailures.unavailable(doing, e);
        } catch (RuntimeException e) {
            if (connection != null) {
                discard(connection);
            }
            throw e;
        }
    }

    static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    /** The kept connection, or a new one. */
    Connection acquire() throws SQLException {
        Connection kept = takeIdle();
        return kept != null ? kept : open();
    }

    private @Nullable Connection takeIdle() {
        synchronized (idleLock) {
            Connection kept = idle;
            idle = null;
            return kept;
        }
    }

    private Connection open() throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(true);
        return connection;
    }

    /** Keeps a healthy connection for the next transaction (closes it when one is kept already). */
    void release(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            discard(connection);
            return;
        }
        synchronized (idleLock) {
            if (idle == null) {
                idle = connection;
                return;
            }
        }
        closeQuietly(connection);
    }

    void discard(Connection connection) {
        closeQuietly(connection);
    }

    private static void closeQuietly(@Nullable Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // already broken
            }
        }
    }
}
