package io.filestore;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.filestore.TestStores.json;
import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void aRecordFileReplacedByAFolderIsQuarantinedAndReported() throws Exception {
        try (FileStore store = TestStores.open(dir)) {
            store.collection("users").put("u1", json("email", "a@x.io"));
            store.collection("users").put("u2", json("email", "b@x.io"));
        }
        Path recordFile = dir.resolve("users/u1.json");
        Files.delete(recordFile);
        Files.createDirectories(recordFile);
        Files.writeString(recordFile.resolve("inside.txt"), "kept");

        try (FileStore store = TestStores.open(dir)) {
            assertThat(store.collection("users").ids()).containsExactly("u2");
            assertThat(store.status().quarantinedFiles()).singleElement().asString()
                    .contains(recordFile.toString()).contains("folder");
            store.collection("users").put("u1", json("email", "a2@x.io"));
        }
        assertThat(dir.resolve("_quarantine/users/u1.json/inside.txt")).hasContent("kept");
        try (FileStore store = TestStores.open(dir)) {
            assertThat(store.collection("users").get("u1")).contains(json("email", "a2@x.io"));
            assertThat(store.status().quarantinedFiles()).isEmpty();
        }
    }

    @Test
    void aValuesFileReplacedByAFolderIsQuarantinedAndTheStoreOpens() throws Exception {
        Path valuesFile = dir.resolve("_values.json");
        Files.createDirectories(valuesFile);
        try (FileStore store = TestStores.open(dir)) {
            assertThat(store.valueKeys()).isEmpty();
            assertThat(store.status().quarantinedFiles()).singleElement().asString()
                    .contains(valuesFile.toString()).contains("folder");
            store.setValue("fresh", true);
        }
        assertThat(dir.resolve("_quarantine/_values/_values.json")).isDirectory();
        try (FileStore store = TestStores.open(dir)) {
            assertThat(store.getValue("fresh", Boolean.class)).contains(true);
        }
    }

    @Test
    void aSingleFileCollectionReplacedByAFolderIsQuarantinedAndReported() throws Exception {
        FileStoreOptions options = FileStoreOptions.builder(dir)
                .collection(CollectionOptions.builder("events").strategy(Strategy.SINGLE_FILE).build()).build();
        try (FileStore store = FileStore.open(options)) {
            store.collection("events").put("e1", json("kind", "login"));
        }
        Path collectionFile;
        try (var files = Files.list(dir)) {
            collectionFile = files.filter(file -> file.getFileName().toString().startsWith("events")).findFirst().orElseThrow();
        }
        Files.delete(collectionFile);
        Files.createDirectories(collectionFile);

        try (FileStore store = FileStore.open(options)) {
            assertThat(store.collection("events").ids()).isEmpty();
            assertThat(store.status().quarantinedFiles()).singleElement().asString()
                    .contains(collectionFile.toString()).contains("folder");
            store.collection("events").put("e2", json("kind", "logout"));
        }
        try (FileStore store = FileStore.open(options)) {
            assertThat(store.collection("events").ids()).containsExactly("e2");
        }
    }

    @Test
    void aFolderNamedLikeTheIndexFileOfAnUnindexedFieldIsQuarantinedNotABlockedOpen() throws Exception {
        try (FileStore store = TestStores.open(dir)) {
            store.collection("users").put("u1", json("email", "a@x.io"));
        }
        Path stray = dir.resolve("users/indices/nickname.jsonl");
        Files.createDirectories(stray);
        Files.writeString(stray.resolve("inside.txt"), "kept");

        try (FileStore store = TestStores.open(dir)) {
            assertThat(store.collection("users").ids()).containsExactly("u1");
            assertThat(store.status().quarantinedFiles()).singleElement().asString().contains(stray.toString());
        }
        assertThat(stray).doesNotExist();
    }
}
