package io.filestore.internal.persist;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.filestore.CollectionOptions;
import io.filestore.DocumentCollection;
import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.Format;
import io.filestore.Strategy;
import io.filestore.TestStores;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever {@code put} accepts reads back identical from the one-file layouts (single-file JSON Lines,
 * append-only JSON Lines, compressed): random objects, including members named as the line format's
 * own ({@code id}, {@code _deleted}, {@code key}, {@code record}, {@code deleted}, {@code flush}),
 * go through put, flush and reopen, and through a crash and replay, and come back with the same tree
 * and the same bytes.
 */
class OneFileRoundTripTests {

    private static final List<String> NAMES = List.of("id", "_deleted", "key", "record", "deleted", "flush", "x",
            "name", "", "a b", "ünï", "\"quoted\"", "back\\slash", "line\nbreak");
    private static final List<String> IDS = List.of("k0", "a\"b", "c\\d", "ünïcødé", "emoji-\uD83D\uDE00", "x/y",
            "user@example.com", "{\"key\":1}");

    @TempDir
    Path root;

    /** The data folder; a crash test moves it to a copy. */
    Path dir;

    private final JsonNodeFactory nodes = TestStores.MAPPER.getNodeFactory();

    @BeforeEach
    void dataFolder() {
        dir = root.resolve("store");
    }

    @ParameterizedTest
    @ValueSource(strings = {"single-file", "append-only", "compressed"})
    void everyRecordPutReadsBackIdenticalAfterFlushAndReopen(String layout) {
        Random random = new Random(layout.hashCode());
        Map<String, ObjectNode> written = records(random, 300);
        Map<String, String> bytesBefore;
        Map<String, JsonNode> treesBefore;
        try (FileStore store = open(layout)) {
            DocumentCollection things = store.collection("things");
            written.forEach(things::put);
            bytesBefore = bytesOf(things);
            treesBefore = treesOf(things);
        }
        try (FileStore store = open(layout)) {
            assertThat(store.status().quarantinedFiles()).isEmpty();
            assertThat(bytesOf(store.collection("things"))).isEqualTo(bytesBefore);
            assertThat(treesOf(store.collection("things"))).isEqualTo(treesBefore);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"single-file", "append-only", "compressed"})
    void updatesAndDeletionsAcrossFlushesReadBackIdenticalAfterReopen(String layout) {
        Random random = new Random(31L * layout.hashCode());
        Map<String, String> bytesBefore;
        try (FileStore store = open(layout)) {
            DocumentCollection things = store.collection("things");
            for (int round = 0; round < 4; round++) {
                records(random, 120).forEach(things::put);
                for (String id : List.copyOf(things.ids())) {
                    if (random.nextInt(5) == 0) {
                        things.delete(id);
                    } else if (random.nextInt(4) == 0) {
                        things.put(id, marker(random));
                    }
                }
                store.flush();
            }
            bytesBefore = bytesOf(things);
        }
        try (FileStore store = open(layout)) {
            assertThat(store.status().quarantinedFiles()).isEmpty();
            assertThat(bytesOf(store.collection("things"))).isEqualTo(bytesBefore);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"single-file", "append-only", "compressed"})
    void everyRecordPutReadsBackIdenticalAfterACrashAndReplay(String layout) throws Exception {
        Random random = new Random(7L * layout.hashCode());
        Map<String, String> bytesBefore;
        FileStore crashed = open(layout);
        DocumentCollection things = crashed.collection("things");
        records(random, 100).forEach(things::put);
        crashed.flush();
        records(random, 100).forEach(things::put);
        bytesBefore = bytesOf(things);
        Path copy = root.resolve("after-crash");
        PersisterContractTests.copyTree(dir, copy);
        crashed.close();
        Files.deleteIfExists(copy.resolve("_filestore.lock"));
        dir = copy;
        try (FileStore store = open(layout)) {
            assertThat(bytesOf(store.collection("things"))).isEqualTo(bytesBefore);
        }
        try (FileStore store = open(layout)) { // and once more, from the files the recovery flush wrote
            assertThat(bytesOf(store.collection("things"))).isEqualTo(bytesBefore);
        }
    }

    private FileStore open(String layout) {
        CollectionOptions.Builder things = CollectionOptions.builder("things").indexed("x");
        switch (layout) {
            case "single-file" -> things.strategy(Strategy.SINGLE_FILE).format(Format.JSONL);
            case "append-only" -> things.strategy(Strategy.SINGLE_FILE).format(Format.JSONL).appendOnly(true);
            default -> things.strategy(Strategy.COMPRESSED);
        }
        return FileStore.open(FileStoreOptions.builder(dir).flushInterval(Duration.ofHours(1))
                .collection(things.build()).build());
    }

    private static Map<String, String> bytesOf(DocumentCollection things) {
        Map<String, String> bytes = new LinkedHashMap<>();
        things.ids().stream().sorted().forEach(id -> bytes.put(id, things.getJson(id).orElseThrow()));
        return bytes;
    }

    private static Map<String, JsonNode> treesOf(DocumentCollection things) {
        Map<String, JsonNode> trees = new LinkedHashMap<>();
        things.ids().stream().sorted().forEach(id -> trees.put(id, things.get(id).orElseThrow()));
        return trees;
    }

    /** Random records, among them the shapes that once collided with the line format's own members. */
    private Map<String, ObjectNode> records(Random random, int count) {
        Map<String, ObjectNode> records = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>(IDS);
        for (int i = 0; i < count; i++) {
            ids.add("r" + random.nextInt(count * 2));
        }
        for (String id : ids) {
            ObjectNode record = switch (random.nextInt(6)) {
                case 0 -> marker(random);
                case 1 -> object(random, 0).put("id", id);
                case 2 -> object(random, 0).put("id", "someone-else");
                default -> object(random, 0);
            };
            records.put(id, record);
        }
        return records;
    }

    /** An object that is, or looks like, one of the line format's markers. */
    private ObjectNode marker(Random random) {
        ObjectNode node = nodes.objectNode();
        switch (random.nextInt(7)) {
            case 0 -> node.put("_deleted", true);
            case 1 -> node.put("deleted", true);
            case 2 -> node.put("flush", 42);
            case 3 -> node.put("key", "k0").set("record", nodes.objectNode().put("x", 1));
            case 4 -> node.put("key", "k0").put("deleted", true);
            case 5 -> node.put("id", "k0").put("_deleted", true);
            default -> { } // the empty object
        }
        return node;
    }

    private ObjectNode object(Random random, int depth) {
        ObjectNode node = nodes.objectNode();
        int members = random.nextInt(depth == 0 ? 6 : 3);
        for (int i = 0; i < members; i++) {
            node.set(NAMES.get(random.nextInt(NAMES.size())), value(random, depth));
        }
        return node;
    }

    private JsonNode value(Random random, int depth) {
        return switch (random.nextInt(depth < 2 ? 12 : 10)) {
            case 0 -> nodes.stringNode("text " + random.nextInt(1000) + " \"q\" \\ \n\t ünï \uD83D\uDE00");
            case 1 -> nodes.numberNode(random.nextInt());
            case 2 -> nodes.numberNode(random.nextLong());
            case 3 -> nodes.numberNode(new BigInteger(100, random));
            case 4 -> nodes.numberNode(new BigDecimal("1.50").movePointLeft(random.nextInt(5)));
            case 5 -> nodes.numberNode(random.nextBoolean() ? 1e20 : random.nextDouble());
            case 6 -> nodes.numberNode(new BigDecimal("1E+3"));
            case 7 -> nodes.booleanNode(random.nextBoolean());
            case 8 -> nodes.nullNode();
            case 9 -> nodes.stringNode("");
            case 10 -> object(random, depth + 1);
            default -> {
                ArrayNode array = nodes.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(value(random, depth + 1));
                }
                yield array;
            }
        };
    }
}
