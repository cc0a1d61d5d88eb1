package io.filestore.postgres;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;

import io.filestore.FileStoreException;

/**
 * The tables of a shared store, created and migrated by FileStore, in the connection's current schema:
 * <ul>
 *   <li>{@code filestore_state(name, value)}: {@code schema_version} and {@code trimmed_through} (the
 *       highest sequence trimmed from the change table);</li>
 *   <li>{@code filestore_changes(seq, tx_id, committed_at, payload jsonb)}: one entry per transaction;</li>
 *   <li>{@code filestore_values(key, doc json, seq)}: the global values;</li>
 *   <li>{@code filestore_instances(id, applied_seq, heartbeat)}: the live instances;</li>
 *   <li>{@code filestore_collections(name, table_name)}: each shared collection and its table;</li>
 *   <li>one table per collection, {@code (id text primary key, doc json, seq bigint)}, named by
 *       {@link #tableOf}.</li>
 * </ul>
 * Documents are {@code json}, not {@code jsonb}: {@code json} keeps the exact text written, while
 * {@code jsonb} reorders keys, rewrites numbers ({@code 1.0E300} comes back as 301 digits) and refuses
 * {@code \u0000}, so instances and restarts would read back other text than the one written. PostgreSQL's
 * JSON operators ({@code doc ->> 'email'}) work on {@code json} too, and {@code doc::jsonb} gives jsonb.
 * Schema changes run in one transaction under an advisory lock, so instances starting together do not
 * race. A database whose schema version is newer than this code's is refused.
 */
final class PostgresSchema {

    /** The schema version this code writes. */
    static final int VERSION = 1;

    static final String LOCK_KEY = "hashtextextended(current_schema() || ':filestore-schema', 0)";
    static final String WRITER_LOCK_KEY = "hashtextextended(current_schema() || ':filestore-writer', 0)";
    static final String CHANNEL = "filestore_changes";

    private static final int MAX_IDENTIFIER = 63;

    private PostgresSchema() {
    }

    /**
     * The table of a collection: {@code fs_<name>} when that fits PostgreSQL's 63-byte identifiers, else
     * {@code fs_<first 40 characters>_<16 hex digits of the name's SHA-256>}; always used quoted, so case
     * is kept ({@code Users} and {@code users} are two tables). Collection names are letters, digits,
     * {@code _} and {@code -}, so the name needs no escaping.
     */
    static String tableOf(String collection) {
        String plain = "fs_" + collection;
        if (plain.length() <= MAX_IDENTIFIER) {
            return plain;
        }
        return "fs_" + collection.substring(0, 40) + "_" + sha256(collection).substring(0, 16);
    }

    static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Creates the store's own tables, or checks their version; one transaction. */
    static void createOrMigrate(Connection connection) throws SQLException {
        inTransaction(connection, () -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("select pg_advisory_xact_lock(" + LOCK_KEY + ")");
                statement.execute("create table if not exists filestore_state (name text primary key, value bigint not null)");
                int found = version(statement);
                if (found > VERSION) {
                    throw new FileStoreException("The shared store's database holds FileStore schema version " + found
                            + ", newer than this FileStore's version " + VERSION + "; upgrade FileStore on this instance");
                }
                if (found < 1) {
                    createVersion1(statement);
                }
            }
        });
    }

    private static int version(Statement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery("select value from filestore_state where name = 'schema_version'")) {
            return rows.next() ? (int) rows.getLong(1) : 0;
        }
    }

    private static void createVersion1(Statement statement) throws SQLException {
        statement.execute("create table if not exists filestore_changes (seq bigint primary key, tx_id uuid not null,"
                + " committed_at timestamptz not null default now(), payload jsonb not null)");
        statement.execute("create table if not exists filestore_values (key text primary key, doc json not null, seq bigint not null)");
        statement.execute("create table if not exists filestore_instances (id text primary key, applied_seq bigint not null,"
                + " heartbeat timestamptz not null default now())");
        statement.execute("create table if not exists filestore_collections (name text primary key, table_name text not null unique)");
        statement.execute("insert into filestore_state values ('trimmed_through', 0) on conflict do nothing");
        statement.execute("insert into filestore_state values ('schema_version', " + VERSION + ")"
                + " on conflict (name) do update set value = excluded.value");
    }

    /** Creates the collection's table when missing (and registers it); one transaction. */
    static void ensureCollection(Connection connection, String collection) throws SQLException {
        String table = tableOf(collection);
        inTransaction(connection, () -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("select pg_advisory_xact_lock(" + LOCK_KEY + ")");
                statement.execute("create table if not exists " + quoted(table)
                        + " (id text primary key, doc json not null, seq bigint not null)");
            }
            try (PreparedStatement register = connection.prepareStatement(
                    "insert into filestore_collections values (?, ?) on conflict do nothing")) {
                register.setString(1, collection);
                register.setString(2, table);
                register.executeUpdate();
            }
        });
    }

    interface SqlWork {
        void run() throws SQLException;
    }

    static void inTransaction(Connection connection, SqlWork work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
                connection.setAutoCommit(true);
            } catch (SQLException broken) {
                e.addSuppressed(broken);
            }
            throw e;
        }
        connection.setAutoCommit(true);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
