package io.filestore;

import static io.filestore.TestStores.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MalformedFileTests {

    @TempDir
    Path dir;

    @Test
    void malformedRecordFilesAreQuarantinedWithTheirPathAndTheOthersLoad() throws Exception {
        try (FileStore store = TestStores.open(dir)) {
            store.collection("orders").put("good", json("status", "NEW"));
        }
        Files.writeString(dir.resolve("orders/broken.json"), "{\"status\": \"NE");
        Files.writeString(dir.resolve("orders/array.json"), "[1, 2]");
        Files.writeString(dir.resolve("orders/empty.json"), "");
        Files.writeString(dir.resolve("orders/notes.txt"), "not a record");

        try (FileStore store = TestStores.open(dir)) {
            DocumentCollection orders = store.collection("orders");
            assertThat(orders.ids()).containsExactly("good");
            assertThat(orders.findIds("status", "NEW")).containsExactly("good");
            assertThat(store.status().quarantinedFiles()).hasSize(3)
                    .anySatisfy(line -> assertThat(line).contains(dir.resolve("orders/broken.json").toString())
                            .contains("not valid JSON"))
                    .anySatisfy(line -> assertThat(line).contains("array.json").contains("expected a JSON object"));
        }
        assertThat(dir.resolve("_quarantine/orders/broken.json")).hasContent("{\"status\": \"NE");
        assertThat(dir.resolve("orders/broken.json")).doesNotExist();
        assertThat(dir.resolve("orders/notes.txt")).exists();
    }

    @Test
    void leftoverTempFilesAreDeletedAtOpenAndNeverRead() throws Exception {
        try (FileStore store = TestStores.open(dir)) {
            store.collection("orders").put("o1", json("status", "NEW"));
        }
        Files.writeString(dir.resolve("orders/o1.json.1234.tmp"), "{\"status\":\"HALF");
        Files.writeString(dir.resolve("orders/o2.json.99.tmp"), "{\"status\":\"PAID\"}");
        Files.writeString(dir.resolve("orders/indices/status.jsonl.5.tmp"), "garbage");
        Files.writeString(dir.resolve("_values.json.7.tmp"), "{}");

        try (FileStore store = TestStores.open(dir)) {
            assertThat(store.collection("orders").ids()).containsExactly("o1");
            assertThat(store.collection("orders").get("o1")).contains(json("status", "NEW"));
        }
        try (var files = Files.walk(dir)) {
            assertThat(files.map(Path::toString).filter(name -> name.endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void aMalformedValuesFileIsQuarantinedAndTheStoreOpens() throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("_values.json"), "{oops");
        try (FileStore store = TestStores.open(dir)) {
            assertThat(store.valueKeys()).isEmpty();
            assertThat(store.status().quarantinedFiles()).singleElement().asString().contains("_values.json");
            store.setValue("fresh", true);
        }
        try (FileStore store = TestStores.open(dir)) {
            assertThat(store.getValue("fresh", Boolean.class)).contains(true);
        }
    }
}
