package io.filestore.postgres;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.filestore.spi.SharedChange;
import io.filestore.spi.SharedStorage;
import io.filestore.spi.SharedWriteSession;

/**
 * One write transaction in PostgreSQL: {@code BEGIN}, the store's advisory writer lock
 * ({@code pg_advisory_xact_lock}, released by the commit or rollback), then the catch-up read, the rows
 * (an upsert or delete per record and value, batched per table), the change entry and a
 * {@code pg_notify} (delivered at commit), and {@code COMMIT}.
 */
final class PostgresWriteSession implements SharedWriteSession {

    private final PostgresSharedStorage storage;
    private final Connection connection;
    private @Nullable SharedChange written;
    private boolean ended;
    private boolean broken;

    PostgresWriteSession(PostgresSharedStorage storage, Connection connection) throws SQLException {
        this.storage = storage;
        this.connection = connection;
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_xact_lock(" + PostgresSchema.WRITER_LOCK_KEY + ")");
        }
    }

    @Override
    public SharedStorage.Changes changesAfter(long sequence) {
        try {
            return PostgresSharedStorage.readChanges(connection, sequence);
        } catch (SQLException e) {
            throw fail("reading the changes to catch up on", e);
        }
    }

    @Override
    public void write(SharedChange change) {
        try {
            writeRows(change);
            try (PreparedStatement entry = connection.prepareStatement(
                    "insert into filestore_changes (seq, tx_id, payload) values (?, ?, ?::jsonb)")) {
                entry.setLong(1, change.sequence());
                entry.setObject(2, change.transactionId());
                entry.setString(3, ChangePayload.encode(change));
                entry.executeUpdate();
            }
            try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
                notify.setString(1, PostgresSchema.CHANNEL);
                notify.setString(2, Long.toString(change.sequence()));
                notify.execute();
            }
            written = change;
        } catch (SQLException e) {
            throw fail("writing sequence " + change.sequence(), e);
        }
    }

    /** An upsert or a delete per entry, batched per table. */
    private void writeRows(SharedChange change) throws SQLException {
        Map<String, List<SharedChange.Entry>> byTable = new LinkedHashMap<>();
        for (SharedChange.Entry entry : change.entries()) {
            String table = entry.isValue() ? "filestore_values" : PostgresSchema.quoted(PostgresSchema.tableOf(entry.collection()));
            byTable.computeIfAbsent(table, t -> new ArrayList<>()).add(entry);
        }
        for (Map.Entry<String, List<SharedChange.Entry>> table : byTable.entrySet()) {
            String key = table.getKey().equals("filestore_values") ? "key" : "id";
            try (PreparedStatement upsert = connection.prepareStatement("insert into " + table.getKey() + " (" + key
                    + ", doc, seq) values (?, ?::json, ?) on conflict (" + key + ") do update set doc = excluded.doc, seq = excluded.seq");
                 PreparedStatement delete = connection.prepareStatement("delete from " + table.getKey() + " where " + key + " = ?")) {
                boolean upserts = false;
                boolean deletes = false;
                for (SharedChange.Entry entry : table.getValue()) {
                    if (entry.document() == null) {
                        delete.setString(1, entry.id());
                        delete.addBatch();
                        deletes = true;
                    } else {
                        upsert.setString(1, entry.id());
                        upsert.setString(2, new String(entry.document(), StandardCharsets.UTF_8));
                        upsert.setLong(3, change.sequence());
                        upsert.addBatch();
                        upserts = true;
                    }
                }
                if (upserts) {
                    upsert.executeBatch();
                }
                if (deletes) {
                    delete.executeBatch();
                }
            }
        }
    }

    @Override
    public void commit() {
        SharedChange change = written;
        try {
            connection.commit();
            ended = true;
        } catch (SQLException e) {
            broken = true;
            ended = true;
            throw change == null ? SqlFailures.unavailable("committing", e)
                    : SqlFailures.commitFailed(change.transactionId(), change.sequence(), e);
        }
    }

    @Override
    public void close() {
        if (broken) {
            storage.discard(connection);
            return;
        }
        if (ended) {
            storage.release(connection);
            return;
        }
        ended = true;
        try {
            connection.rollback();
            storage.release(connection);
        } catch (SQLException e) {
            storage.discard(connection);
        }
    }

    private RuntimeException fail(String doing, SQLException e) {
        return SqlFailures.unavailable(doing, e);
    }
}
