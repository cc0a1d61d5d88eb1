package io.filestore.data.core;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.filestore.FileStore;
import io.filestore.data.core.IdEntities.Counter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated Long ids across real {@code kill -9}s: a child JVM saves and deletes counters until it is
 * killed; after each kill every acknowledged save that was not deleted is there, and no id ever
 * acknowledged, deleted or not, is generated again.
 */
class SequenceCrashIntegrationTests {

    private static final int ROUNDS = 3;

    @TempDir
    Path dir;

    private Path data() {
        return dir.resolve("data");
    }

    @Test
    void generatedIdsAreNeverReusedAcrossKills() throws Exception {
        Set<Long> acknowledged = new HashSet<>();
        Set<Long> kept = new HashSet<>();
        Set<Long> deleted = new HashSet<>();
        for (int round = 0; round < ROUNDS; round++) {
            Acknowledged child = runAndKill(150 + 100 * round);
            Set<Long> reused = new HashSet<>(child.generated());
            reused.retainAll(acknowledged);
            assertThat(reused).as("ids of round " + round + " acknowledged before").isEmpty();
            acknowledged.addAll(child.generated());
            kept.addAll(child.kept());
            deleted.addAll(child.deleted());

            try (FileStore store = IdEntities.open(data())) {
                FileStoreTemplate template = IdEntities.template(store);
                Set<Long> stored = new HashSet<>(template.findAll(Counter.class).stream().map(c -> c.id).toList());
                assertThat(stored).as("acknowledged saves, round " + round).containsAll(kept);
                assertThat(deleted).as("acknowledged deletes, round " + round).noneMatch(stored::contains);
                long max = acknowledged.stream().mapToLong(Long::longValue).max().orElseThrow();
                assertThat(store.getValue("_sequence.counters")).map(v -> v.longValue()).hasValueSatisfying(
                        last -> assertThat(last).isGreaterThanOrEqualTo(max));
                Long next = template.save(new Counter("after kill")).id;
                assertThat(next).isGreaterThan(max);
                template.deleteById(next, Counter.class);
                acknowledged.add(next);
                deleted.add(next);
            }
        }
    }

    /** What a child acknowledged: ids of saves kept, ids of saves it deletes next, ids it deleted. */
    private record Acknowledged(Set<Long> kept, Set<Long> temporary, Set<Long> deleted) {

        Set<Long> generated() {
            Set<Long> all = new HashSet<>(kept);
            all.addAll(temporary);
            return all;
        }
    }

    /**
     * Starts the writer, waits until it acknowledged {@code saves} saves, kills it, and reads every
     * acknowledgement it printed before it died (its output goes to a file, so none is lost with it).
     */
    private Acknowledged runAndKill(int saves) throws Exception {
        Path output = dir.resolve("writer-" + System.nanoTime() + ".out");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), SequenceWriter.class.getName(), data().toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (countSaves(output) < saves && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no close
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        Acknowledged acknowledged = new Acknowledged(new HashSet<>(), new HashSet<>(), new HashSet<>());
        StringBuilder other = new StringBuilder();
        for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
            String[] parts = line.split(" ");
            Set<Long> ids = parts.length != 2 ? null : switch (parts[0]) {
                case "S" -> acknowledged.kept();
                case "T" -> acknowledged.temporary();
                case "D" -> acknowledged.deleted();
                default -> null;
            };
            if (ids != null) {
                ids.add(Long.parseLong(parts[1]));
            } else if (!line.equals(SequenceWriter.READY)) {
                other.append(line).append('\n');
            }
        }
        assertThat(acknowledged.generated()).as("child output:\n" + other).hasSizeGreaterThanOrEqualTo(saves);
        return acknowledged;
    }

    private static long countSaves(Path output) throws Exception {
        try (Stream<String> lines = Files.lines(output, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.startsWith("S ") || line.startsWith("T ")).count();
        }
    }
}
