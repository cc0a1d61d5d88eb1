package io.filestore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.filestore.TestStores.json;
import static org.assertj.core.api.Assertions.assertThat;

class IndexFileTests {

    @TempDir
    Path dir;

    @Test
    void indexFilesHoldOneKeyRowIdLinePerRecordInKeyOrder() throws Exception {
        try (FileStore store = TestStores.open(dir)) {
            DocumentCollection users = store.collection("users");
            users.put("550e8400-e29b-41d4-a906-446655440000", json("email", "alice@example.com", "username", "alice"));
            users.put("b", json("email", "bob@example.com", "username", "bob"));
            store.collection("orders").put("o1", json("total", 12.5, "status", "NEW"));
            store.collection("orders").put("o2", json("total", 3, "status", "NEW"));
            store.flush();
        }
        assertThat(Files.readAllLines(dir.resolve("users/indices/email.jsonl"))).containsExactly(
                "{\"key\":\"alice@example.com\",\"rowId\":\"550e8400-e29b-41d4-a906-446655440000\"}",
                "{\"key\":\"bob@example.com\",\"rowId\":\"b\"}");
        assertThat(Files.readAllLines(dir.resolve("orders/indices/total.jsonl"))).containsExactly(
                "{\"key\":3,\"rowId\":\"o2\"}",
                "{\"key\":12.5,\"rowId\":\"o1\"}");
        assertThat(Files.readAllLines(dir.resolve("orders/indices/status.jsonl"))).hasSize(2);
        assertThat(dir.resolve("orders/indices/userId.jsonl")).hasContent("");
    }

    @Test
    void flushRewritesOnlyIndexFilesWhoseKeysChanged() throws Exception {
        try (FileStore store = TestStores.open(dir)) {
            DocumentCollection orders = store.collection("orders");
            orders.put("o1", json("status", "NEW", "userId", "u1"));
            store.flush();
            long statusModified = Files.getLastModifiedTime(dir.resolve("orders/indices/status.jsonl")).toMillis();
            Files.writeString(dir.resolve("orders/indices/userId.jsonl"), "marker\n");
            Thread.sleep(20);
            orders.update("o1", json("status", "PAID"));
            store.flush();
            assertThat(Files.readString(dir.resolve("orders/indices/status.jsonl"))).contains("PAID");
            assertThat(Files.getLastModifiedTime(dir.resolve("orders/indices/status.jsonl")).toMillis()).isGreaterThanOrEqualTo(statusModified);
            assertThat(dir.resolve("orders/indices/userId.jsonl")).hasContent("marker");
        }
    }

    @Test
    void missingCorruptedAndStaleIndexFilesAreRebuiltAtOpen() throws Exception {
        try (FileStore store = TestStores.open(dir)) {
            store.collection("users").put("u1", json("email", "a@x.io", "username", "ann", "address", java.util.Map.of("city", "Oslo")));
            store.collection("users").put("u2", json("email", "b@x.io", "username", "bob"));
        }
        String emailLines = Files.readString(dir.resolve("users/indices/email.jsonl"));
        String usernameLines = Files.readString(dir.resolve("users/indices/username.jsonl"));
        Files.delete(dir.resolve("users/indices/email.jsonl"));
        Files.writeString(dir.resolve("users/indices/username.jsonl"), "{\"key\":\"ann\",\"rowId\":\"u1\"}\n{\"key\":");
        Files.writeString(dir.resolve("users/indices/address.city.jsonl"), "{\"key\":\"Paris\",\"rowId\":\"u1\"}\n");
        Files.writeString(dir.resolve("users/indices/nickname.jsonl"), "{\"key\":\"x\",\"rowId\":\"u1\"}\n");

        try (FileStore store = TestStores.open(dir)) {
            assertThat(store.collection("users").findIds("address.city", "Oslo")).containsExactly("u1");
            assertThat(store.collection("users").findIds("address.city", "Paris")).isEmpty();
        }
        assertThat(dir.resolve("users/indices/email.jsonl")).hasContent(emailLines.strip());
        assertThat(dir.resolve("users/indices/username.jsonl")).hasContent(usernameLines.strip());
        assertThat(Files.readAllLines(dir.resolve("users/indices/address.city.jsonl")))
                .containsExactly("{\"key\":\"Oslo\",\"rowId\":\"u1\"}");
        assertThat(dir.resolve("users/indices/nickname.jsonl")).doesNotExist();
    }

    @Test
    void anIndexFileReplacedByAFolderIsQuarantinedAndRebuiltAtOpen() throws Exception {
        try (FileStore store = TestStores.open(dir)) {
            store.collection("users").put("u1", json("email", "a@x.io", "username", "ann"));
        }
        Path indexFile = dir.resolve("users/indices/username.jsonl");
        String lines = Files.readString(indexFile);
        Files.delete(indexFile);
        Files.createDirectories(indexFile);
        Files.writeString(indexFile.resolve("inside.txt"), "kept");

        try (FileStore store = TestStores.open(dir)) {
            assertThat(store.collection("users").findIds("username", "ann")).containsExactly("u1");
            assertThat(store.status().quarantinedFiles()).singleElement().asString()
                    .contains(indexFile.toString()).contains("folder");
        }
        assertThat(indexFile).isRegularFile().hasContent(lines.strip());
        assertThat(dir.resolve("_quarantine/users/username.jsonl/inside.txt")).hasContent("kept");
    }

    @Test
    void indexesAgreeWithRecordFilesEditedWhileTheStoreWasClosed() throws Exception {
        try (FileStore store = TestStores.open(dir)) {
            store.collection("orders").put("o1", json("status", "NEW"));
        }
        Files.writeString(dir.resolve("orders/o1.json"), "{\"status\":\"PAID\"}");
        try (FileStore store = TestStores.open(dir)) {
            assertThat(store.collection("orders").findIds("status", "PAID")).containsExactly("o1");
            assertThat(store.collection("orders").findIds("status", "NEW")).isEmpty();
        }
        assertThat(Files.readAllLines(dir.resolve("orders/indices/status.jsonl")))
                .isEqualTo(List.of("{\"key\":\"PAID\",\"rowId\":\"o1\"}"));
    }
}
