package io.filestore;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import static io.filestore.TestStores.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link FileStore#backup}: a copy taken under a write load of several threads opens with exactly the
 * state after one committed transaction (compared with the history every commit told a listener), and
 * bad targets are refused without writing anything.
 */
class BackupTests {

    private static final int WRITERS = 4;

    @TempDir
    Path root;

    static FileStoreOptions options(Path dir) {
        return FileStoreOptions.builder(dir).flushInterval(Duration.ofMillis(40))
                .collection(CollectionOptions.builder("users").unique("email").indexed("group").build())
                .collection(CollectionOptions.builder("orders").wal(false).indexed("userId").build())
                .collection(CollectionOptions.builder("audit").strategy(Strategy.SINGLE_FILE).format(Format.JSONL)
                        .appendOnly(true).build())
                .collection(CollectionOptions.builder("config").strategy(Strategy.SINGLE_FILE).build())
                .collection(CollectionOptions.builder("sessions").strategy(Strategy.MEMORY_ONLY).build())
                .build();
    }

    @Test
    void aBackupTakenUnderAWriteLoadOpensWithExactlyTheStateAfterOneTransaction() throws Exception {
        Path dir = root.resolve("data");
        History history = new History();
        List<BackupResult> results = new ArrayList<>();
        long[] acknowledgedBefore = new long[3];
        try (FileStore store = FileStore.open(options(dir))) {
            store.onTransaction(history::record);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong acknowledged = new AtomicLong();
            List<Thread> writers = startWriters(store, stop, acknowledged);
            for (int i = 0; i < 3; i++) {
                Thread.sleep(150);
                acknowledgedBefore[i] = acknowledged.get();
                results.add(store.backup(root.resolve("backup-" + i)));
            }
            stop.set(true);
            for (Thread writer : writers) {
                writer.join();
            }
        }
        for (int i = 0; i < results.size(); i++) {
            BackupResult result = results.get(i);
            assertThat(result.sequence()).as("backup %d holds every transaction acknowledged before it began", i)
                    .isGreaterThanOrEqualTo(acknowledgedBefore[i]);
            assertThat(result.notIncluded()).containsExactly("sessions: memory-only, it has no files");
            assertThat(result.linked() + result.copied()).isEqualTo(result.files());
            try (FileStore copy = FileStore.open(options(root.resolve("backup-" + i)))) {
                assertThat(contents(copy)).as("backup %d at sequence %d", i, result.sequence())
                        .isEqualTo(history.stateAt(result.sequence()));
                assertThat(copy.status().quarantinedFiles()).isEmpty();
                assertThat(copy.collection("users").findIds("group", 1))
                        .containsExactlyInAnyOrderElementsOf(history.stateAt(result.sequence()).entrySet().stream()
                                .filter(e -> e.getKey().startsWith("users/") && e.getValue().get("group").intValue() == 1)
                                .map(e -> e.getKey().substring("users/".length())).toList());
            }
        }
    }

    @Test
    void aBackupOfAQuietStoreHoldsEverythingAndLinksWhatItCan() throws Exception {
        Path dir = root.resolve("data");
        try (FileStore store = FileStore.open(options(dir))) {
            store.collection("users").put("u1", json("email", "a@x.io", "group", 1));
            store.collection("orders").put("o1", json("userId", "u1"));
            store.collection("audit").put("a1", json("what", "login"));
            store.collection("config").put("c1", json("mode", "dark"));
            store.setValue("counter", 7);
            BackupResult result = store.backup(root.resolve("copy"));
            assertThat(result.linked()).as("same file system: record files are linked").isPositive();
            assertThat(result.sequence()).isEqualTo(store.status().lastSequence());
        }
        assertThat(root.resolve("copy").resolve("_backup.incomplete")).doesNotExist();
        assertThat(dir.resolve("_backup.staging")).doesNotExist();
        try (FileStore copy = FileStore.open(options(root.resolve("copy")))) {
            assertThat(copy.collection("users").get("u1")).contains(json("email", "a@x.io", "group", 1));
            assertThat(copy.collection("orders").get("o1")).contains(json("userId", "u1"));
            assertThat(copy.collection("audit").get("a1")).contains(json("what", "login"));
            assertThat(copy.collection("config").get("c1")).contains(json("mode", "dark"));
            assertThat(copy.getValue("counter", Integer.class)).contains(7);
            copy.collection("users").put("u2", json("email", "b@x.io", "group", 2));
        }
        try (FileStore original = FileStore.open(options(dir))) {
            assertThat(original.collection("users").exists("u2")).as("writes to the copy stay in the copy").isFalse();
        }
    }

    @Test
    void aTargetOnAnotherFileSystemGetsCopiesOfLinksStagedInTheDataFolder() throws Exception {
        Path other = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(other) && !Files.getFileStore(other).equals(Files.getFileStore(root)),
                "needs /dev/shm on another file system than the temp folder");
        Path target = other.resolve("filestore-backup-" + System.nanoTime());
        Path dir = root.resolve("data");
        try (FileStore store = FileStore.open(options(dir))) {
            for (int i = 0; i < 50; i++) {
                store.collection("users").put("u" + i, json("email", i + "@x.io", "group", i % 3));
            }
            BackupResult result = store.backup(target, (done, total) -> assertThat(done).isLessThanOrEqualTo(total));
            assertThat(result.linked()).as("nothing links across file systems").isZero();
            assertThat(result.copied()).isEqualTo(result.files());
            assertThat(dir.resolve("_backup.staging")).as("the staged links are gone").doesNotExist();
            try (FileStore copy = FileStore.open(options(target))) {
                assertThat(copy.collection("users").ids()).hasSize(50);
                assertThat(copy.collection("users").findIds("group", 1)).hasSize(17);
            }
        } finally {
            deleteTree(target);
        }
    }

    @Test
    void aTargetThatIsAFileNotEmptyOrInsideTheDataFolderIsRefusedAndNothingIsWritten() throws Exception {
        Path dir = root.resolve("data");
        Path file = Files.writeString(root.resolve("a-file"), "x");
        Path full = Files.createDirectories(root.resolve("full"));
        Files.writeString(full.resolve("keep.txt"), "mine");
        try (FileStore store = FileStore.open(options(dir))) {
            store.collection("users").put("u1", json("email", "a@x.io", "group", 1));
            for (Path bad : List.of(file, full, dir, dir.resolve("backups"))) {
                assertThatThrownBy(() -> store.backup(bad)).isInstanceOf(InvalidOptionsException.class)
                        .hasMessageContaining("backup target").hasMessageContaining(bad.toString())
                        .hasMessageContaining("does not exist yet or is empty");
            }
        }
        assertThat(Files.readString(file)).isEqualTo("x");
        try (Stream<Path> entries = Files.list(full)) {
            assertThat(entries).containsExactly(full.resolve("keep.txt"));
        }
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    @Test
    void aFolderMarkedIncompleteDoesNotOpen() throws Exception {
        Path dir = Files.createDirectories(root.resolve("half"));
        Files.writeString(dir.resolve("_backup.incomplete"), "interrupted", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> FileStore.open(dir)).isInstanceOf(IncompleteBackupException.class)
                .hasMessageContaining(dir.toString()).hasMessageContaining("incomplete backup");
    }

    private static List<Thread> startWriters(FileStore store, AtomicBoolean stop, AtomicLong acknowledged) {
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < WRITERS; t++) {
            int thread = t;
            Thread writer = new Thread(() -> {
                for (int n = 0; !stop.get(); n++) {
                    write(store, thread, n);
                    acknowledged.accumulateAndGet(store.status().lastSequence(), Math::max);
                }
            });
            writer.start();
            writers.add(writer);
        }
        return writers;
    }

    /** A mix: logged and unlogged records in one transaction, an append, a one-file record, a value, deletes. */
    private static void write(FileStore store, int thread, int n) {
        String id = thread + "-" + n;
        store.runInTransaction(tx -> {
            store.collection("users").put("u" + id, json("email", id + "@x.io", "group", n % 5, "n", n));
            store.collection("orders").put("o" + id, json("userId", "u" + id));
        });
        store.collection("orders").put("b" + id, json("userId", "u" + id, "batched", true));
        store.collection("audit").put("a" + thread + "-" + (n % 20), json("n", n));
        store.collection("config").put("c" + thread, json("n", n));
        store.setValue("last-" + thread, n);
        if (n % 3 == 2) {
            store.collection("users").delete("u" + thread + "-" + (n - 1));
        }
    }

    /** Every record and value of the persisted collections, as "collection/id" and "value/key". */
    private static Map<String, JsonNode> contents(FileStore store) {
        Map<String, JsonNode> all = new TreeMap<>();
        for (String name : List.of("users", "orders", "audit", "config")) {
            store.collection(name).forEach((id, record) -> all.put(name + "/" + id, record));
        }
        for (String key : store.valueKeys()) {
            all.put("value/" + key, store.getValue(key).orElseThrow());
        }
        return all;
    }

    private static void deleteTree(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /** Every committed transaction, by sequence, as its listener heard it. */
    private static final class History {
        private final Map<Long, ChangeSet> bySequence = new ConcurrentHashMap<>();

        void record(ChangeSet changes) {
            bySequence.put(changes.sequence(), changes);
        }

        Map<String, JsonNode> stateAt(long sequence) {
            Map<String, JsonNode> state = new TreeMap<>();
            new TreeMap<>(bySequence).headMap(sequence, true).values().forEach(changes -> {
                for (RecordChange change : changes.records()) {
                    if (change.collection().equals("sessions")) {
                        continue;
                    }
                    String key = change.collection() + "/" + change.id();
                    change.after().ifPresentOrElse(after -> state.put(key, after), () -> state.remove(key));
                }
                for (ValueChange change : changes.values()) {
                    change.after().ifPresentOrElse(after -> state.put("value/" + change.key(), after),
                            () -> state.remove("value/" + change.key()));
                }
            });
            return state;
        }
    }
}
