package io.filestore.benchmarks.peer;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.filestore.benchmarks.Records;
import io.filestore.internal.json.Json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every peer adapter does what the benchmarks time it doing, so a fast peer is a correct one: a
 * round trip of insert, update, get, find by email, the age range and a reopen, on a small data set.
 */
class PeerStoreTests {

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"sqlite, FSYNC", "sqlite, WRITE", "h2-sql, WRITE", "h2-mvstore, FSYNC", "h2-mvstore, WRITE",
            "nitrite, FSYNC", "nitrite, WRITE"})
    void aPeerFindsWhatItStoredAndKeepsItAcrossAReopen(String peer, CommitMode mode) {
        try (PeerStore store = PeerStore.open(peer, folder, mode)) {
            store.load(200);
            store.insert(PeerRecord.of(200));
            store.update(PeerRecord.withAge(7, 17));

            assertThat(store.count()).isEqualTo(201);
            assertThat(text(store.get(PeerRecord.of(200).id()))).contains("user200@mail.example.com", "user_200");
            assertThat(store.get("no-such-id")).isNull();
            List<?> byEmail = store.findByEmail("user42@mail.example.com");
            assertThat(byEmail).hasSize(1);
            assertThat(text(byEmail.get(0))).contains("user_42");
            assertThat(store.findByEmail("nobody@mail.example.com")).isEmpty();
            List<?> youngest = store.ageAtLeastTop10(17);
            assertThat(youngest).hasSize(10);
            assertThat(text(youngest.get(0))).as("the updated record is the only one aged 17").contains("user7@");
            assertThat(store.ageAtLeastTop10(18)).noneMatch(doc -> text(doc).contains("user7@"));
        }
        try (PeerStore reopened = PeerStore.open(peer, folder, mode)) {
            assertThat(reopened.count()).isEqualTo(201);
            assertThat(text(reopened.get(PeerRecord.of(7).id()))).contains("user7@");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "h2-sql"})
    void aSqlPeerPagesInTheOrderOfTheFieldFromAnyOffset(String peer) {
        try (PeerStore store = PeerStore.open(peer, folder, CommitMode.WRITE)) {
            store.load(300);
            store.indexForPages();

            List<String> usernames = IntStream.range(0, 300).mapToObj(Records::username).sorted().toList();
            assertThat(store.page("username", 0, 20)).extracting(PeerStoreTests::username)
                    .containsExactlyElementsOf(usernames.subList(0, 20));
            assertThat(store.page("username", 150, 20)).extracting(PeerStoreTests::username)
                    .containsExactlyElementsOf(usernames.subList(150, 170));
            assertThat(store.page("username", 290, 20)).as("a short last page").hasSize(10);
            assertThat(store.page("name", 0, 20)).extracting(PeerStoreTests::name).hasSize(20).isSorted();
            assertThatThrownBy(() -> store.page("bio", 0, 20)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("username");
        }
    }

    @Test
    void h2SqlRefusesToPromiseAnFsyncPerCommitItCannotGive() {
        assertThatThrownBy(() -> PeerStore.open("h2-sql", folder, CommitMode.FSYNC))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("h2-sql takes commit mode WRITE");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2-mvstore", "nitrite"})
    void aPeerWithoutPagingSaysSo(String peer) {
        try (PeerStore store = PeerStore.open(peer, folder, CommitMode.WRITE)) {
            assertThatThrownBy(() -> store.page("username", 0, 20)).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("sqlite and h2-sql");
        }
    }

    private static String username(Object document) {
        return field(document, "username");
    }

    private static String name(Object document) {
        return field(document, "name");
    }

    private static String field(Object document, String field) {
        return Json.defaultMapper().readTree(text(document)).get(field).stringValue();
    }

    /** JSON text, or a Nitrite document's own text form, which holds the field values too. */
    private static String text(Object document) {
        return String.valueOf(document);
    }
}
