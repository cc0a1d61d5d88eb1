package io.filestore.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.filestore.postgres.testing.PostgresServer;

/**
 * This module's tests' PostgreSQL: a real server ({@link PostgresServer}) with the shared storage on it and
 * a real restart ({@link #restart}, {@link #stop}, {@link #startAgain}).
 */
public final class TestPostgres implements AutoCloseable {

    private final PostgresServer server;

    private TestPostgres(PostgresServer server) {
        this.server = server;
    }

    /** Initializes and starts a server. */
    public static TestPostgres start() throws Exception {
        return new TestPostgres(PostgresServer.start());
    }

    public String url() {
        return server.url();
    }

    public int port() {
        return server.port();
    }

    public Connection connect() throws SQLException {
        return server.connect();
    }

    /** Drops every table of the database (its public schema), for a test that starts from nothing. */
    public void empty() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("drop schema public cascade");
            statement.execute("create schema public");
        }
    }

    public PostgresSharedStorage storage() {
        return PostgresSharedStorage.of(url(), server.user(), null);
    }

    public void stop() throws Exception {
        server.stop();
    }

    public void startAgain() throws Exception {
        server.startAgain();
    }

    public void restart() throws Exception {
        server.stop();
        server.startAgain();
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
