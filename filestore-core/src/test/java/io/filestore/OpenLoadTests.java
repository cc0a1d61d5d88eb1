package io.filestore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** What an open reads back from record files: every digit, and the same index answers as before the close. */
class OpenLoadTests {

    @TempDir
    Path dir;

    private FileStore open() {
        return FileStore.open(FileStoreOptions.builder(dir)
                .flushInterval(Duration.ofHours(1))
                .collection(CollectionOptions.builder("plain").build())
                .collection(CollectionOptions.builder("people").unique("email").indexed("address.city", "tags", "score").build())
                .build());
    }

    @Test
    void decimalsKeepEveryDigitAcrossAReopenWithAndWithoutIndexes() throws Exception {
        String record = "{\"email\":\"a@x.io\",\"score\":12.50,\"rate\":0.1000000000000000055511151231257827,\"big\":1.0E+2}";
        try (FileStore store = open()) {
            store.collection("plain").put("p1", io.filestore.internal.json.Json.defaultMapper().readTree(record));
            store.collection("people").put("p1", io.filestore.internal.json.Json.defaultMapper().readTree(record));
        }
        try (FileStore store = open()) {
            for (String collection : new String[] {"plain", "people"}) {
                assertThat(store.collection(collection).getJson("p1").orElseThrow())
                        .as(collection)
                        .contains("\"score\":12.50")
                        .contains("\"rate\":0.1000000000000000055511151231257827")
                        .contains("\"big\":1.0E+2");
            }
            assertThat(store.collection("people").findIds("score", new java.math.BigDecimal("12.5"))).containsExactly("p1");
        }
    }

    @Test
    void nestedAndArrayIndexesAnswerTheSameAfterAReopenFromFilesEditedByHand() throws Exception {
        try (FileStore store = open()) {
            store.collection("people").put("ann", TestStores.json("email", "ann@x.io", "address", java.util.Map.of("city", "Oslo"),
                    "tags", java.util.List.of("red", "blue"), "bio", "the indexes never read this"));
            store.collection("people").put("bob", TestStores.json("email", "bob@x.io", "address", java.util.Map.of("city", "Rome"),
                    "tags", java.util.List.of("blue")));
        }
        // an outside edit: a new file with the indexed fields after a long unindexed one, and a field twice
        Files.writeString(dir.resolve("people/cy.json"), """
                {
                  "notes" : { "deep" : [ 1, { "city" : "Nowhere" } ] },
                  "address" : { "city" : "Paris" },
                  "tags" : "red",
                  "email" : "old@x.io",
                  "email" : "cy@x.io"
                }
                """);
        try (FileStore store = open()) {
            DocumentCollection people = store.collection("people");
            assertThat(people.findIds("address.city", "Oslo")).containsExactly("ann");
            assertThat(people.findIds("address.city", "Paris")).containsExactly("cy");
            assertThat(people.findIds("address.city", "Nowhere")).isEmpty();
            assertThat(people.findIds("tags", "red")).containsExactlyInAnyOrder("ann", "cy");
            assertThat(people.findIds("tags", "blue")).containsExactlyInAnyOrder("ann", "bob");
            // the last of a repeated field wins, in the index as when the record is read
            assertThat(people.findIds("email", "cy@x.io")).containsExactly("cy");
            assertThat(people.findIds("email", "old@x.io")).isEmpty();
            assertThat(people.get("cy").orElseThrow().get("email").stringValue()).isEqualTo("cy@x.io");
            assertThat(people.findIdsInRange("address.city", "A", true, "Q", true)).containsExactly("ann", "cy");
        }
    }

    @Test
    void uniqueDuplicatesOnDiskAreKeptAndStillRefuseNewDuplicates() throws Exception {
        try (FileStore store = open()) {
            store.collection("people").put("ann", TestStores.json("email", "same@x.io"));
        }
        Files.writeString(dir.resolve("people/twin.json"), "{\"email\":\"same@x.io\"}\n");
        try (FileStore store = open()) {
            DocumentCollection people = store.collection("people");
            assertThat(people.findIds("email", "same@x.io")).containsExactlyInAnyOrder("ann", "twin");
            Assertions.assertThatThrownBy(() -> people.put("third", TestStores.json("email", "same@x.io")))
                    .isInstanceOf(UniqueConstraintException.class);
        }
    }

    @Test
    void keysSharedByManyRecordsAreLoadedOnceEachAndStayEditable() throws Exception {
        int records = 2000; // enough for the load to spread over several loader threads
        try (FileStore store = open()) {
            store.runInTransaction(tx -> {
                for (int i = 0; i < records; i++) {
                    // "tags" repeats its key: the record is still in that key once
                    store.collection("people").put("p" + i, TestStores.json("email", i + "@x.io", "score", i % 7,
                            "tags", java.util.List.of("t" + (i % 3), "t" + (i % 3))));
                }
            });
        }
        try (FileStore store = open()) {
            DocumentCollection people = store.collection("people");
            assertThat(people.findIds("score", 3)).hasSize((records + 3) / 7).doesNotHaveDuplicates();
            assertThat(people.findIds("tags", "t1")).hasSize(667).doesNotHaveDuplicates();
            assertThat(Files.readAllLines(dir.resolve("people/indices/tags.jsonl"))).hasSize(records).doesNotHaveDuplicates();
            people.delete("p1");
            people.put("p7", TestStores.json("email", "7@x.io", "score", 3, "tags", java.util.List.of("t1")));
            assertThat(people.findIds("tags", "t1")).hasSize(666).doesNotContain("p1").contains("p7");
            assertThat(people.findIds("score", 0)).doesNotContain("p7");
            assertThat(people.findIdsInRange("score", 3L, true, 3L, true)).hasSize((records + 3) / 7 + 1).contains("p7");
        }
    }
}
