package io.filestore.internal.persist;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.luben.zstd.Zstd;
import io.filestore.CollectionOptions;
import io.filestore.DocumentCollection;
import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.Format;
import io.filestore.Strategy;

import static io.filestore.TestStores.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files written before the line format became an envelope ({@code {"id":"u1",...the record's other
 * members}}, a deletion {@code {"id":"u1","_deleted":true}}) still load with the meaning they had, and
 * are written in the envelope format at the next full rewrite.
 */
class LegacyJsonLinesTests {

    private static final String LEGACY = """
            {"id":"u1","name":"Ann","tag":"a"}
            {"id":"u2","name":"Bob","tag":"b"}
            {"name":"Cid","id":"u3"}
            {"id":"u2","_deleted":true}
            {"id":"u4","_deleted":false,"n":1}
            {"id":"u1","name":"Ann Lee","tag":"a"}
            """;

    @TempDir
    Path dir;

    @Test
    void aLegacySingleFileLoadsAndIsRewrittenAsEnvelopes() throws Exception {
        Path file = dir.resolve("things.jsonl");
        Files.createDirectories(dir);
        Files.writeString(file, LEGACY);
        CollectionOptions.Builder things = CollectionOptions.builder("things").strategy(Strategy.SINGLE_FILE).format(Format.JSONL);
        try (FileStore store = open(things)) {
            assertLegacyMeaning(store);
            store.collection("things").put("u5", json("id", "someone-else"));
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(4).allMatch(line -> line.startsWith("{\"key\":\"u"))
                .contains("{\"key\":\"u5\",\"record\":{\"id\":\"someone-else\"}}",
                        "{\"key\":\"u1\",\"record\":{\"name\":\"Ann Lee\",\"tag\":\"a\"}}");
        try (FileStore store = open(things)) {
            assertLegacyMeaning(store);
            assertThat(store.collection("things").get("u5")).contains(json("id", "someone-else"));
        }
    }

    @Test
    void aLegacyAppendOnlyLogLoadsTakesNewLinesAndIsRewrittenAsEnvelopesWhenCompacted() throws Exception {
        Path file = dir.resolve("logs/things.jsonl");
        Files.createDirectories(file.getParent());
        Files.writeString(file, LEGACY);
        CollectionOptions.Builder things = CollectionOptions.builder("things").strategy(Strategy.SINGLE_FILE)
                .format(Format.JSONL).appendOnly(true).path(Path.of("logs/things.jsonl"));
        try (FileStore store = open(things)) {
            assertLegacyMeaning(store);
            store.collection("things").put("u5", json("_deleted", true));
        }
        assertThat(Files.readString(file)).startsWith(LEGACY).contains("{\"key\":\"u5\",\"record\":{\"_deleted\":true}}\n");
        try (FileStore store = open(things)) {
            assertLegacyMeaning(store);
            assertThat(store.collection("things").get("u5")).contains(json("_deleted", true));
            DocumentCollection collection = store.collection("things");
            for (int round = 0; round < 4; round++) { // enough dead lines to compact the file
                for (int i = 0; i < AppendOnlyLogPersister.COMPACT_AFTER_DEAD_LINES; i++) {
                    collection.put("n" + i, json("round", round));
                }
                store.flush();
            }
        }
        assertThat(Files.readAllLines(file)).allMatch(line -> line.startsWith("{\"key\":") || line.startsWith("{\"flush\":"));
        try (FileStore store = open(things)) {
            assertLegacyMeaning(store);
            assertThat(store.collection("things").get("n7")).contains(json("round", 3));
        }
    }

    @Test
    void aLegacyCompressedFileLoadsAndIsRewrittenAsEnvelopes() throws Exception {
        Path file = dir.resolve("things.jsonl.zst");
        Files.createDirectories(dir);
        Files.write(file, Zstd.compress(LEGACY.getBytes(StandardCharsets.UTF_8)));
        CollectionOptions.Builder things = CollectionOptions.builder("things").strategy(Strategy.COMPRESSED);
        try (FileStore store = open(things)) {
            assertLegacyMeaning(store);
            store.collection("things").put("u5", json("x", 1));
        }
        String text = new String(Zstd.decompress(Files.readAllBytes(file), 1 << 20), StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(4).allMatch(line -> line.startsWith("{\"key\":\"u"));
        try (FileStore store = open(things)) {
            assertLegacyMeaning(store);
        }
    }

    private FileStore open(CollectionOptions.Builder things) {
        return FileStore.open(FileStoreOptions.builder(dir).flushInterval(Duration.ofHours(1))
                .collection(things.indexed("tag").build()).build());
    }

    private static void assertLegacyMeaning(FileStore store) {
        DocumentCollection things = store.collection("things");
        assertThat(store.status().quarantinedFiles()).isEmpty();
        assertThat(things.get("u1")).contains(json("name", "Ann Lee", "tag", "a"));
        assertThat(things.exists("u2")).isFalse();
        assertThat(things.get("u3")).contains(json("name", "Cid"));
        assertThat(things.get("u4")).contains(json("_deleted", false, "n", 1));
        assertThat(things.findIds("tag", "a")).containsExactly("u1");
    }
}
