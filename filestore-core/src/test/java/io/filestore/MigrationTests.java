package io.filestore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.filestore.TestStores.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A collection whose strategy, path or format changes between runs keeps its records. */
class MigrationTests {

    @TempDir
    Path dir;

    private FileStore open(UnaryOperator<CollectionOptions.Builder> layout) {
        return FileStore.open(FileStoreOptions.builder(dir).flushInterval(Duration.ofHours(1))
                .collection(layout.apply(CollectionOptions.builder("things").unique("email")).build()).build());
    }

    @Test
    void recordsFollowTheCollectionThroughEveryStrategy() throws Exception {
        try (FileStore store = open(b -> b)) {
            for (int i = 0; i < 20; i++) {
                store.collection("things").put("t" + i, json("email", "t" + i + "@x.io", "n", i));
            }
        }
        assertThat(dir.resolve("things/t3.json")).exists();

        try (FileStore store = open(b -> b.strategy(Strategy.SINGLE_FILE))) {
            assertThat(store.collection("things").count()).isEqualTo(20);
            assertThat(store.collection("things").findIds("email", "t7@x.io")).containsExactly("t7");
        }
        assertThat(dir.resolve("things.json")).exists();
        assertThat(dir.resolve("things")).doesNotExist();

        try (FileStore store = open(b -> b.strategy(Strategy.COMPRESSED).path(Path.of("archive/things.zst")))) {
            assertThat(store.collection("things").get("t5")).contains(json("email", "t5@x.io", "n", 5));
            store.collection("things").put("t20", json("email", "t20@x.io", "n", 20));
        }
        assertThat(dir.resolve("archive/things.zst")).exists();
        assertThat(dir.resolve("things.json")).doesNotExist();

        try (FileStore store = open(b -> b.strategy(Strategy.SINGLE_FILE).format(Format.JSONL).appendOnly(true))) {
            assertThat(store.collection("things").count()).isEqualTo(21);
        }
        assertThat(Files.readAllLines(dir.resolve("things.jsonl"))).hasSize(21);

        try (FileStore store = open(b -> b)) {
            assertThat(store.collection("things").count()).isEqualTo(21);
            assertThat(store.collection("things").findIds("email", "t20@x.io")).containsExactly("t20");
        }
        assertThat(dir.resolve("things/t20.json")).exists();
        assertThat(dir.resolve("things.jsonl")).doesNotExist();
        assertThat(Files.readString(dir.resolve("_collections.json"))).contains("\"strategy\" : \"file-per-record\"");
    }

    @Test
    void turningAPersistedCollectionMemoryOnlyFailsUntilItsFilesAreRemoved() throws Exception {
        try (FileStore store = open(b -> b.strategy(Strategy.SINGLE_FILE))) {
            store.collection("things").put("t1", json("email", "t1@x.io"));
        }
        assertThatThrownBy(() -> open(b -> b.strategy(Strategy.MEMORY_ONLY)))
                .isInstanceOf(InvalidOptionsException.class)
                .hasMessageContaining("collections.things.strategy")
                .hasMessageContaining(dir.resolve("things.json").toString())
                .hasMessageContaining("delete that path first");
        Files.delete(dir.resolve("things.json"));
        try (FileStore store = open(b -> b.strategy(Strategy.MEMORY_ONLY))) {
            assertThat(store.collection("things").count()).isZero();
        }
    }
}
