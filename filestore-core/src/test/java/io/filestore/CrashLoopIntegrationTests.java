package io.filestore;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a writing child JVM with {@code kill -9} at random moments and checks, after each kill, that
 * every acknowledged write-ahead-logged write is there, no transaction is half-applied, batched
 * writes acknowledged before a completed flush are there, indexes agree with the records, and no temp
 * file is left. {@code -Dfilestore.crash.cycles=N} runs longer (default 20 kills).
 */
class CrashLoopIntegrationTests {

    private static final int CYCLES = Integer.getInteger("filestore.crash.cycles", 20);
    private static final int CYCLES_PER_FOLDER = 4;

    @TempDir
    Path root;

    @Test
    void everyAcknowledgedWriteSurvivesKillDashNine() throws Exception {
        Random random = new Random();
        Acknowledged acked = new Acknowledged();
        Path dir = null;
        String layout = null;
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            if ((cycle - 1) % CYCLES_PER_FOLDER == 0) {
                dir = root.resolve("data-" + cycle); // keeps each reopen small; each folder sees several crashes
                layout = CrashWriter.LAYOUTS.get(((cycle - 1) / CYCLES_PER_FOLDER) % CrashWriter.LAYOUTS.size());
                acked = new Acknowledged();
            }
            runAndKill(dir, layout, "c" + cycle, 300 + random.nextInt(1200), acked);
            verify(dir, layout, acked, "after kill " + cycle + " (" + layout + ")");
        }
    }

    private static void runAndKill(Path dir, String layout, String run, long millis, Acknowledged acked) throws Exception {
        File log = dir.resolveSibling(dir.getFileName() + "-child.log").toFile();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), CrashWriter.class.getName(), dir.toString(), run, layout)
                .redirectError(ProcessBuilder.Redirect.appendTo(log)).start();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> read(child, acked, ready));
        reader.start();
        try {
            assertThat(ready.await(60, TimeUnit.SECONDS)).as("child started; see %s", log).isTrue();
            Thread.sleep(millis);
            assertThat(child.isAlive()).as("child still writing when killed; see %s", log).isTrue();
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no close
            child.waitFor(60, TimeUnit.SECONDS);
            reader.join(TimeUnit.SECONDS.toMillis(60));
        }
    }

    private static void read(Process child, Acknowledged acked, CountDownLatch ready) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                String[] parts = line.split(" ");
                switch (parts[0]) {
                    case CrashWriter.READY -> ready.countDown();
                    case "U" -> acked.logged.add(parts[1]);
                    case "T" -> acked.transactions.add(parts[1]);
                    case "B" -> acked.batched.put(parts[1], Long.parseLong(parts[2]));
                    case "F" -> acked.flushStarted.accumulateAndGet(Long.parseLong(parts[1]), Math::max);
                    default -> { } // a line cut by the kill
                }
            }
        } catch (IOException | RuntimeException endOfChild) {
            // the pipe closes when the child dies
        }
    }

    private static void verify(Path dir, String layout, Acknowledged acked, String when) throws Exception {
        Set<String> batchedDurable = new HashSet<>();
        long flushed = acked.flushStarted.get();
        acked.batched.forEach((id, at) -> {
            if (at < flushed) {
                batchedDurable.add(id);
            }
        });
        acked.durableBatched.addAll(batchedDurable);
        acked.batched.clear(); // later children's flushes say nothing about what this one acknowledged
        acked.flushStarted.set(0);
        assertThat(acked.transactions).as("%s: the child acknowledged writes", when).isNotEmpty();
        try (FileStore store = FileStore.open(CrashWriter.options(dir, layout))) {
            DocumentCollection users = store.collection("users");
            DocumentCollection orders = store.collection("orders");
            assertThat(acked.logged).as("%s: acknowledged logged puts", when).allMatch(users::exists);
            assertThat(acked.transactions).as("%s: acknowledged transactions", when)
                    .allMatch(id -> users.exists(id) && orders.exists(id));
            assertThat(acked.durableBatched).as("%s: batched writes acknowledged before a completed flush", when)
                    .allMatch(orders::exists);
            users.ids().stream().filter(id -> id.startsWith("t-")).forEach(id ->
                    assertThat(orders.exists(id)).as("%s: transaction %s half-applied", when, id).isTrue());
            orders.ids().stream().filter(id -> id.startsWith("t-")).forEach(id ->
                    assertThat(users.exists(id)).as("%s: transaction %s half-applied", when, id).isTrue());
            Map<Integer, List<String>> byGroup = new HashMap<>();
            users.forEach((id, user) -> {
                byGroup.computeIfAbsent(user.get("group").intValue(), g -> new ArrayList<>()).add(id);
                assertThat(users.findIds("email", user.get("email").stringValue())).as("%s: email index", when).containsExactly(id);
            });
            byGroup.forEach((group, ids) -> assertThat(users.findIds("group", group))
                    .as("%s: group index", when).containsExactlyInAnyOrderElementsOf(ids));
            Map<String, List<String>> byUser = new HashMap<>();
            orders.forEach((id, order) -> byUser.computeIfAbsent(order.get("userId").stringValue(), u -> new ArrayList<>()).add(id));
            byUser.forEach((user, ids) -> assertThat(orders.findIds("userId", user))
                    .as("%s: userId index", when).containsExactlyInAnyOrderElementsOf(ids));
        }
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.map(Path::toString)).as("%s: leftovers", when).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    private static final class Acknowledged {
        final Set<String> logged = ConcurrentHashMap.newKeySet();
        final Set<String> transactions = ConcurrentHashMap.newKeySet();
        /** Batched writes of the current child, with when they were acknowledged. */
        final Map<String, Long> batched = new ConcurrentHashMap<>();
        /** When the current child's latest completed flush started. */
        final AtomicLong flushStarted = new AtomicLong();
        final Set<String> durableBatched = new HashSet<>();
    }
}
