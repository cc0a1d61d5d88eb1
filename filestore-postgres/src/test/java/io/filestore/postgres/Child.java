package io.filestore.postgres;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A {@link SharedInstance} in a child JVM: commands in, lines out (all kept, and queued for {@link #await}). */
final class Child implements AutoCloseable {

    private final Process process;
    private final PrintStream in;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    final List<String> all = new CopyOnWriteArrayList<>();
    private final File log;

    Child(String url, Path dataDir) throws Exception {
        log = dataDir.resolveSibling(dataDir.getFileName() + "-child.log").toFile();
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), SharedInstance.class.getName(),
                url, dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.appendTo(log)).start();
        in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    all.add(line);
                    lines.add(line);
                }
            } catch (Exception e) {
                // the child died
            }
        });
        reader.setDaemon(true);
        reader.start();
        await(line -> line.equals("ready"), Duration.ofSeconds(60));
    }

    void send(String command) {
        in.println(command);
    }

    /** The next line that matches, waiting at most {@code timeout}. */
    String await(Predicate<String> matches, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("no expected line from the child within " + timeout + "; see " + log);
            }
            if (matches.test(line)) {
                return line;
            }
        }
    }

    String ask(String command, String answerPrefix) throws InterruptedException {
        send(command);
        return await(line -> line.startsWith(answerPrefix), Duration.ofSeconds(60)).substring(answerPrefix.length()).trim();
    }

    void kill() throws InterruptedException {
        process.destroyForcibly(); // SIGKILL: kill -9
        process.waitFor(30, TimeUnit.SECONDS);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            send("quit");
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
