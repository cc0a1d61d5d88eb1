package io.filestore.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged sample jar running as a separate JVM on a free port and a data folder of the test's,
 * its output going to a log file that failures quote.
 */
final class SampleAppProcess {

    private static final Duration STARTUP = Duration.ofSeconds(120);

    private final Process process;
    private final Path log;
    private final int port;

    private SampleAppProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the jar named by the {@code sample.jar} system property and waits until its health is UP. */
    static SampleAppProcess start(Path dataDir, Path log, String... extraArgs) throws Exception {
        return start(List.of(), dataDir, log, extraArgs);
    }

    /** As {@link #start(Path, Path, String...)}, with options for the JVM ({@code -Dspring.aot.enabled=true}). */
    static SampleAppProcess start(List<String> jvmOptions, Path dataDir, Path log, String... extraArgs) throws Exception {
        String jar = System.getProperty("sample.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("sample.jar must name the packaged jar (run through 'mvn verify'), was " + jar);
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar, "--server.port=" + port, "--filestore.data-dir=" + dataDir,
                "--logging.level.root=WARN"));
        command.addAll(List.of(extraArgs));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        SampleAppProcess app = new SampleAppProcess(process, log, port);
        app.awaitHealthy();
        return app;
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    long pid() {
        return process.pid();
    }

    /** Kills the JVM with SIGKILL ({@code destroyForcibly} on Unix): no shutdown hook, no flush, no close. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    /** Sends SIGTERM ({@code destroy} on Unix) and waits for the graceful shutdown; returns the exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The sample app did not stop within 60 s of SIGTERM\n" + logTail());
        }
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitHealthy() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("The sample app exited with " + process.exitValue() + " at startup\n" + logTail());
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // the port opens only once the context has started
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new AssertionError("The sample app was not healthy within " + STARTUP + "\n" + logTail());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
