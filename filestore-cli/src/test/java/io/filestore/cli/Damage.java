package io.filestore.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.filestore.CollectionOptions;
import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.Format;
import io.filestore.Strategy;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Real data folders for the commands, whole and damaged the way the core's corruption tests damage them
 * (MalformedFileTests, LogGapTests): garbage in a record or values file, a flipped checkpoint, the newest
 * log segment deleted, a malformed manifest, an incomplete backup's marker.
 */
final class Damage {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Damage() {
    }

    static FileStoreOptions options(Path dir) {
        return FileStoreOptions.builder(dir).flushInterval(Duration.ofHours(1))
                .collection(CollectionOptions.builder("users").indexed("group").build())
                .collection(CollectionOptions.builder("audit").strategy(Strategy.SINGLE_FILE).format(Format.JSONL)
                        .appendOnly(true).build())
                .build();
    }

    /** A closed store: 20 users (indexed by group), 5 audit lines, a value. */
    static Path store(Path dir) {
        try (FileStore store = FileStore.open(options(dir))) {
            for (int i = 0; i < 20; i++) {
                store.collection("users").put("u" + i, json("name", "user " + i, "group", i % 4));
            }
            for (int i = 0; i < 5; i++) {
                store.collection("audit").put("a" + i, json("n", i));
            }
            store.setValue("version", 3);
        }
        return dir;
    }

    static ObjectNode json(Object... fieldsAndValues) {
        ObjectNode node = MAPPER.createObjectNode();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            node.set((String) fieldsAndValues[i], MAPPER.valueToTree(fieldsAndValues[i + 1]));
        }
        return node;
    }

    static Path garbageRecord(Path dir) throws IOException {
        return Files.writeString(dir.resolve("users/u3.json"), "{\"name\": \"us");
    }

    static Path garbageValues(Path dir) throws IOException {
        return Files.writeString(dir.resolve("_values.json"), "{oops");
    }

    static Path flippedCheckpoint(Path dir) throws IOException {
        Path checkpoint = dir.resolve("_wal/checkpoint.json");
        String text = Files.readString(checkpoint);
        Files.writeString(checkpoint, text.replaceFirst("\"sequence\":(\\d+)", "\"sequence\":9$1"));
        return checkpoint;
    }

    /** The segment the checkpoint names as the newest, deleted: the log lost its end. */
    static Path deletedNewestSegment(Path dir) throws IOException {
        Path newest;
        try (Stream<Path> files = Files.list(dir.resolve("_wal"))) {
            newest = files.filter(file -> file.toString().endsWith(".wal")).max(Comparator.naturalOrder()).orElseThrow();
        }
        Files.delete(newest);
        return newest;
    }

    static Path malformedManifest(Path dir) throws IOException {
        return Files.writeString(dir.resolve("_collections.json"), "{\"users\": {\"strategy\": ");
    }

    static Path incompleteMarker(Path dir) throws IOException {
        return Files.writeString(dir.resolve("_backup.incomplete"), "interrupted", StandardCharsets.UTF_8);
    }

    /** Every file under the folder with its bytes, to prove a command changed nothing. */
    static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.endsWith("_filestore.lock")).toList()) {
                all.put(dir.relativize(file).toString(), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return all;
    }
}
