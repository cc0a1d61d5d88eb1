package io.filestore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.filestore.TestStores.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What is particular to one strategy: TTL expiry, append-only logs, and option validation. */
class StrategyBehaviourTests {

    @TempDir
    Path dir;

    @Test
    void memoryOnlyRecordsExpireAfterTheirTtlWithIndexesAndListenersFollowing() throws Exception {
        FileStoreOptions options = FileStoreOptions.builder(dir)
                .collection(CollectionOptions.builder("sessions").strategy(Strategy.MEMORY_ONLY)
                        .ttl(Duration.ofMillis(300)).indexed("userId").build())
                .build();
        try (FileStore store = FileStore.open(options)) {
            DocumentCollection sessions = store.collection("sessions");
            List<String> expired = new CopyOnWriteArrayList<>();
            sessions.onChange(changes -> changes.stream().filter(c -> c.type() == ChangeType.DELETED)
                    .forEach(c -> expired.add(c.id())));
            sessions.put("s1", json("userId", "u1"));
            sessions.put("s2", json("userId", "u1"));
            Thread.sleep(150);
            sessions.put("s2", json("userId", "u1", "touched", true)); // a write restarts its clock
            waitUntil(() -> expired.contains("s1"));
            assertThat(sessions.exists("s1")).isFalse();
            assertThat(sessions.findIds("userId", "u1")).containsExactly("s2");
            waitUntil(() -> expired.contains("s2"));
            assertThat(sessions.count()).isZero();
            assertThat(expired).containsExactly("s1", "s2");
        }
        assertThat(dir.resolve("sessions")).doesNotExist();
    }

    @Test
    void anAppendOnlyLogAppendsAFlushMarkAndALinePerChangedRecord() throws Exception {
        FileStoreOptions options = FileStoreOptions.builder(dir).flushInterval(Duration.ofHours(1))
                .collection(CollectionOptions.builder("audit").strategy(Strategy.SINGLE_FILE).format(Format.JSONL)
                        .appendOnly(true).path(Path.of("logs/audit.jsonl")).indexed("action").build())
                .build();
        Path log = dir.resolve("logs/audit.jsonl");
        try (FileStore store = FileStore.open(options)) {
            store.collection("audit").put("a1", json("action", "create"));
            store.flush();
            store.collection("audit").put("a2", json("action", "update"));
            store.collection("audit").delete("a1");
        }
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(5);
        assertThat(lines.subList(0, 2)).containsExactly("{\"flush\":1}", "{\"key\":\"a1\",\"record\":{\"action\":\"create\"}}");
        assertThat(lines.get(2)).isEqualTo("{\"flush\":3}");
        // one line per changed record and flush; within a flush the order is not defined
        assertThat(lines.subList(3, 5)).containsExactlyInAnyOrder(
                "{\"key\":\"a2\",\"record\":{\"action\":\"update\"}}",
                "{\"key\":\"a1\",\"deleted\":true}");
        assertThat(dir.resolve("logs/indices/audit/action.jsonl")).exists();

        try (FileStore store = FileStore.open(options)) {
            assertThat(store.collection("audit").ids()).containsExactly("a2");
            store.collection("audit").put("a4", json("action", "read"));
        }
        assertThat(Files.readAllLines(log)).hasSize(7).last().isEqualTo("{\"key\":\"a4\",\"record\":{\"action\":\"read\"}}");
    }

    @Test
    void anAppendOnlyLogIsCompactedOnceDeadLinesDominate() throws Exception {
        FileStoreOptions options = FileStoreOptions.builder(dir).flushInterval(Duration.ofHours(1))
                .collection(CollectionOptions.builder("audit").strategy(Strategy.SINGLE_FILE).format(Format.JSONL)
                        .appendOnly(true).wal(false).build())
                .build();
        try (FileStore store = FileStore.open(options)) {
            DocumentCollection audit = store.collection("audit");
            for (int round = 0; round < 25; round++) {
                for (int i = 0; i < 100; i++) {
                    audit.put("r" + i, json("round", round));
                }
                store.flush();
            }
            assertThat(Files.readAllLines(dir.resolve("audit.jsonl")).size()).isLessThan(2600).isGreaterThanOrEqualTo(100);
        }
        try (FileStore store = FileStore.open(options)) {
            assertThat(store.collection("audit").count()).isEqualTo(100);
            assertThat(store.collection("audit").get("r7")).contains(json("round", 24));
        }
    }

    @Test
    void optionsThatDoNotFitTheStrategyAreRefusedNamingTheProperty() {
        assertThatThrownBy(() -> CollectionOptions.builder("users").ttl(Duration.ofMinutes(1)).build())
                .isInstanceOf(InvalidOptionsException.class).hasMessageContaining("collections.users.ttl");
        assertThatThrownBy(() -> CollectionOptions.builder("users").strategy(Strategy.MEMORY_ONLY).ttl(Duration.ZERO).build())
                .isInstanceOf(InvalidOptionsException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> CollectionOptions.builder("users").format(Format.JSONL).build())
                .isInstanceOf(InvalidOptionsException.class).hasMessageContaining("collections.users.format");
        assertThatThrownBy(() -> CollectionOptions.builder("logs").strategy(Strategy.SINGLE_FILE).appendOnly(true).build())
                .isInstanceOf(InvalidOptionsException.class).hasMessageContaining("collections.logs.append-only");
        assertThatThrownBy(() -> CollectionOptions.builder("s").strategy(Strategy.MEMORY_ONLY).wal(true).build())
                .isInstanceOf(InvalidOptionsException.class).hasMessageContaining("collections.s.wal");
        assertThatThrownBy(() -> Format.fromConfigName("collections.x.format", "xml"))
                .isInstanceOf(InvalidOptionsException.class).hasMessageContaining("json, jsonl");
        assertThat(Strategy.configNames()).containsExactly("file-per-record", "single-file", "memory-only", "compressed", "shared");
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }
}
