package io.filestore.internal.persist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.filestore.CollectionOptions;
import io.filestore.DocumentCollection;
import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.UniqueConstraintException;

import static io.filestore.TestStores.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every persisted strategy must do, whatever its file layout. Subclasses say how the collection
 * under test is configured and which file holds its records.
 */
abstract class PersisterContractTests {

    static final List<String> HOSTILE_IDS = List.of("..", "../../etc/passwd", "a/b", "a\\b", "CON", ".hidden", "100%",
            "ünïcødé", "user@example.com", "x".repeat(150));

    @TempDir
    Path root;

    /** The data folder, one level below the temp folder so that nothing may appear beside it. */
    Path dir;

    @BeforeEach
    void dataFolder() {
        dir = root.resolve("store");
    }

    /** The collection "things" under test, with {@code email} unique and {@code tag} indexed. */
    abstract CollectionOptions.Builder things();

    /** The file or folder that must hold the records once flushed. */
    abstract Path recordsPath();

    FileStore open() {
        return FileStore.open(FileStoreOptions.builder(dir).flushInterval(Duration.ofHours(1))
                .collection(things().unique("email").indexed("tag").build())
                .collection(CollectionOptions.builder("others").wal(false).build())
                .build());
    }

    @Test
    void recordsIndexesAndIndexFilesSurviveAReopen() throws Exception {
        try (FileStore store = open()) {
            DocumentCollection things = store.collection("things");
            for (int i = 0; i < 30; i++) {
                things.put("t" + i, json("email", "t" + i + "@x.io", "tag", "tag" + (i % 3), "n", i));
            }
            things.update("t1", json("tag", "changed"));
            things.delete("t2");
        }
        assertThat(recordsPath()).exists();
        try (FileStore store = open()) {
            DocumentCollection things = store.collection("things");
            assertThat(things.count()).isEqualTo(29);
            assertThat(things.get("t1")).contains(json("email", "t1@x.io", "tag", "changed", "n", 1));
            assertThat(things.exists("t2")).isFalse();
            assertThat(things.findIds("tag", "changed")).containsExactly("t1");
            assertThat(things.findIds("tag", "tag0")).hasSize(10);
            assertThatThrownBy(() -> things.put("new", json("email", "t3@x.io"))).isInstanceOf(UniqueConstraintException.class);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> tagIndex = files.filter(p -> p.getFileName().toString().equals("tag.jsonl"))
                    .filter(p -> p.getParent().toString().contains("things") || p.getParent().getParent().getFileName().toString().equals("things"))
                    .toList();
            assertThat(tagIndex).hasSize(1);
            assertThat(Files.readAllLines(tagIndex.get(0))).hasSize(29).first().asString().startsWith("{\"key\":\"changed\",\"rowId\":\"t1\"}");
        }
    }

    @Test
    void aTransactionAcrossStrategiesIsAllOrNothingAfterReopen() {
        try (FileStore store = open()) {
            store.runInTransaction(tx -> {
                store.collection("things").put("a", json("email", "a@x.io"));
                store.collection("others").put("b", json("ref", "a"));
            });
            try {
                store.runInTransaction(tx -> {
                    store.collection("things").put("c", json("email", "c@x.io"));
                    store.collection("others").put("d", json("ref", "c"));
                    store.collection("things").put("e", json("email", "a@x.io"));
                });
            } catch (UniqueConstraintException expected) {
                // the whole transaction changed nothing
            }
        }
        try (FileStore store = open()) {
            assertThat(store.collection("things").ids()).containsExactly("a");
            assertThat(store.collection("others").ids()).containsExactly("b");
        }
    }

    @Test
    void hostileIdsRoundTripWithoutLeavingTheirPlace() throws Exception {
        try (FileStore store = open()) {
            HOSTILE_IDS.forEach(id -> store.collection("things").put(id, json("id", id)));
        }
        try (FileStore store = open()) {
            assertThat(store.collection("things").ids()).containsExactlyInAnyOrderElementsOf(HOSTILE_IDS);
        }
        try (Stream<Path> beside = Files.list(root)) {
            assertThat(beside).containsExactly(dir);
        }
    }

    @Test
    void writesLoggedButNeverFlushedComeBackAfterACrash() throws Exception {
        FileStore crashed = open();
        crashed.collection("things").put("w1", json("email", "w1@x.io", "tag", "logged"));
        // simulate the crash: copy the folder as it is now, then let the original go
        Path copy = root.resolve("after-crash");
        copyTree(dir, copy);
        crashed.close();
        Path original = dir;
        dir = copy;
        Files.deleteIfExists(copy.resolve("_filestore.lock"));
        try (FileStore store = open()) {
            assertThat(store.collection("things").get("w1")).contains(json("email", "w1@x.io", "tag", "logged"));
            assertThat(store.collection("things").findIds("tag", "logged")).containsExactly("w1");
        } finally {
            dir = original;
        }
    }

    @Test
    void aMalformedRecordsFileIsQuarantinedAndReported() throws Exception {
        try (FileStore store = open()) {
            store.collection("things").put("ok", json("email", "ok@x.io"));
        }
        Path damaged = damage();
        try (FileStore store = open()) {
            assertThat(store.status().quarantinedFiles()).anySatisfy(line -> assertThat(line).contains(damaged.toString()));
            store.collection("things").put("fresh", json("email", "fresh@x.io"));
        }
        try (FileStore store = open()) {
            assertThat(store.collection("things").exists("fresh")).isTrue();
        }
        try (Stream<Path> files = Files.walk(dir.resolve("_quarantine"))) {
            assertThat(files.filter(Files::isRegularFile)).isNotEmpty();
        }
    }

    /** Damages the stored records so that they no longer parse; returns the damaged file. */
    Path damage() throws Exception {
        Files.writeString(recordsPath(), "{\"broken\": ");
        return recordsPath();
    }

    static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
