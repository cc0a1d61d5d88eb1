package io.filestore.postgres;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.filestore.CollectionOptions;
import io.filestore.DocumentCollection;
import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.UniqueConstraintException;

import static io.filestore.postgres.SharedStoreTests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The core's contract for persisted strategies ({@code PersisterContractTests} in filestore-core: records,
 * indexes and unique checks survive a reopen; a transaction across collections is all or nothing; hostile
 * ids round-trip), run against shared collections. A reopen here is a new instance with a new, empty data
 * folder: the database is the source of truth. The file-specific cases (index files, quarantine of a
 * malformed file, log replay after a crash) have no counterpart; a killed instance is covered by
 * {@link SharedInstancesIntegrationTests}.
 */
class SharedCollectionContractTests {

    static final List<String> HOSTILE_IDS = List.of("..", "../../etc/passwd", "a/b", "a\\b", "CON", ".hidden", "100%",
            "ünïcødé", "user@example.com", "it's", "x".repeat(150));

    static TestPostgres postgres;

    @TempDir
    Path root;

    int opens;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = TestPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void emptyDatabase() throws Exception {
        postgres.empty();
    }

    FileStore open() {
        return FileStore.open(FileStoreOptions.builder(root.resolve("instance-" + opens++)).flushInterval(Duration.ofHours(1))
                .shared(postgres.storage())
                .collection(CollectionOptions.builder("things").unique("email").indexed("tag").build())
                .collection(CollectionOptions.builder("others").wal(false).build())
                .build());
    }

    @Test
    void recordsAndIndexesSurviveAReopen() {
        try (FileStore store = open()) {
            DocumentCollection things = store.collection("things");
            for (int i = 0; i < 30; i++) {
                things.put("t" + i, json("email", "t" + i + "@x.io", "tag", "tag" + (i % 3), "n", i));
            }
            things.update("t1", json("tag", "changed"));
            things.delete("t2");
        }
        try (FileStore store = open()) {
            DocumentCollection things = store.collection("things");
            assertThat(things.count()).isEqualTo(29);
            assertThat(things.get("t1")).contains(json("email", "t1@x.io", "tag", "changed", "n", 1));
            assertThat(things.exists("t2")).isFalse();
            assertThat(things.findIds("tag", "changed")).containsExactly("t1");
            assertThat(things.findIds("tag", "tag0")).hasSize(10);
            assertThatThrownBy(() -> things.put("new", json("email", "t3@x.io"))).isInstanceOf(UniqueConstraintException.class);
        }
    }

    @Test
    void aTransactionAcrossCollectionsIsAllOrNothingAfterReopen() {
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
    void hostileIdsRoundTrip() {
        try (FileStore store = open()) {
            HOSTILE_IDS.forEach(id -> store.collection("things").put(id, json("id", id)));
        }
        try (FileStore store = open()) {
            assertThat(store.collection("things").ids()).containsExactlyInAnyOrderElementsOf(HOSTILE_IDS);
            assertThat(store.collection("things").get("it's")).contains(json("id", "it's"));
        }
    }

    @Test
    void aLongCollectionNameGetsATableOfItsOwn() {
        String longName = "c".repeat(80);
        try (FileStore store = open()) {
            store.collection(longName).put("x", json("n", 1));
            store.collection(longName.toUpperCase()).put("y", json("n", 2));
        }
        assertThat(postgres.storage().collectionNames()).containsExactlyInAnyOrder("things", "others", longName,
                longName.toUpperCase());
        try (FileStore store = open()) {
            assertThat(store.collection(longName).ids()).containsExactly("x");
            assertThat(store.collection(longName.toUpperCase()).ids()).containsExactly("y");
        }
    }
}
