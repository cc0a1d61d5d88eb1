package io.filestore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.filestore.spi.RecordFileNames;

import static io.filestore.TestStores.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Ids can never name a path outside their collection folder: they are encoded, or refused. */
class HostileIdTests {

    private static final List<String> STORED = List.of("..", ".", "../../etc/passwd", "..%2F..%2Fetc%2Fpasswd",
            "a/b", "a\\b", "/abs", "C:\\win", "CON", "nul.txt", "~", "-", ".hidden", "trailing.", "spa ce",
            "100%", "ünïcødé", "emoji-\uD83D\uDE00", "a".repeat(200), "user@example.com");

    @TempDir
    Path dir;

    @Test
    void hostileIdsAreStoredInsideTheirFolderAndReadBackAfterReopen() throws IOException {
        try (FileStore store = TestStores.open(dir)) {
            DocumentCollection orders = store.collection("orders");
            for (String id : STORED) {
                orders.put(id, json("id", id));
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)
                    .filter(file -> !file.startsWith(dir.resolve("orders")) && !file.startsWith(dir.resolve("users"))
                            && !file.startsWith(dir.resolve("_wal")))
                    .map(file -> dir.relativize(file).toString()))
                    .containsExactlyInAnyOrder("_filestore.lock", "_collections.json");
        }
        try (Stream<Path> files = Files.list(dir.resolve("orders"))) { // one file per id, none elsewhere
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(STORED.size());
        }
        try (FileStore store = TestStores.open(dir)) {
            DocumentCollection orders = store.collection("orders");
            assertThat(orders.ids()).containsExactlyInAnyOrderElementsOf(STORED);
            for (String id : STORED) {
                assertThat(orders.get(id)).contains(json("id", id));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nul\u0000byte", "line\nbreak", "tab\there", "bell\u0007", "del\u007f", "c1\u0085"})
    void idsWithControlCharactersOrEmptyAreRefusedAndChangeNothing(String id) {
        try (FileStore store = TestStores.open(dir)) {
            DocumentCollection orders = store.collection("orders");
            assertThatThrownBy(() -> orders.put(id, json("x", 1))).isInstanceOf(InvalidIdException.class);
            assertThat(orders.count()).isZero();
            assertThat(store.status().lastSequence()).isZero();
        }
    }

    @Test
    void overlongIdsAreRefusedWithTheLimit() {
        try (FileStore store = TestStores.open(dir)) {
            assertThatThrownBy(() -> store.collection("orders").put("x".repeat(300), json()))
                    .isInstanceOf(InvalidIdException.class).hasMessageContaining("too long");
            assertThatThrownBy(() -> store.collection("orders").put("/".repeat(80), json()))
                    .isInstanceOf(InvalidIdException.class).hasMessageContaining("too long");
            assertThatThrownBy(() -> store.collection("orders").put(null, json())).isInstanceOf(InvalidIdException.class);
        }
    }

    @Test
    void fileNamesAreReadableForOrdinaryIdsAndDecodeExactly() {
        assertThat(RecordFileNames.fileName("550e8400-e29b-41d4-a716-446655440000"))
                .isEqualTo("550e8400-e29b-41d4-a716-446655440000.json");
        assertThat(RecordFileNames.fileName("../etc/passwd")).isEqualTo("%2E.%2Fetc%2Fpasswd.json");
        assertThat(RecordFileNames.fileName("..")).isEqualTo("%2E%2E.json");
        assertThat(RecordFileNames.fileName("CON")).isEqualTo("%43ON.json");
        for (String id : STORED) {
            String name = RecordFileNames.fileName(id);
            assertThat(name).doesNotContain("/", "\\").isNotIn(".json", "..json");
            assertThat(RecordFileNames.idOf(name)).isEqualTo(id);
        }
        assertThat(RecordFileNames.idOf("%ZZ.json")).isNull();
        assertThat(RecordFileNames.idOf("a%2Fb%2.json")).isNull();
    }
}
