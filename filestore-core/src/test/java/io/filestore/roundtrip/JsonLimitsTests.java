package io.filestore.roundtrip;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.filestore.DocumentCollection;
import io.filestore.FileStore;
import io.filestore.InvalidOptionsException;
import io.filestore.InvalidRecordException;
import io.filestore.internal.json.Json;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a write accepts reads back by every path (get, flush, each file layout, reopen, log replay
 * after a crash), and what could not is refused at the write, naming the limit, and leaves no trace.
 * With Jackson's default read constraints: numbers of 1,000 digits, names of 50,000 UTF-8 bytes,
 * 499 levels of nesting, records of 16 MiB.
 */
class JsonLimitsTests {

    private static final JsonMapper MAPPER = Json.defaultMapper();
    private static final JsonNodeFactory NODES = MAPPER.getNodeFactory();

    @TempDir
    Path root;

    /** Records right at each limit: every one must be stored and read back equal. */
    static Map<String, ObjectNode> atTheLimits() {
        Map<String, ObjectNode> records = new LinkedHashMap<>();
        records.put("int-1000-digits", record("n", NODES.numberNode(new BigInteger("9".repeat(1000)))));
        records.put("negative-int-1000-digits", record("n", NODES.numberNode(new BigInteger("-" + "9".repeat(1000)))));
        records.put("decimal-1000-digits", record("n", NODES.numberNode(new BigDecimal("1." + "9".repeat(999)))));
        records.put("decimal-with-exponent", record("n", NODES.numberNode(new BigDecimal("1." + "9".repeat(990) + "E+12345"))));
        records.put("name-50000-bytes", record("a".repeat(50_000), NODES.numberNode(1)));
        records.put("name-50000-bytes-of-2-byte-chars", record("é".repeat(25_000), NODES.numberNode(1)));
        records.put("name-with-emoji", record("😀".repeat(12_500), NODES.stringNode("😀")));
        records.put("objects-499-deep", nested(499, false));
        records.put("arrays-499-deep", nested(499, true));
        records.put("long-string", record("s", NODES.stringNode("x".repeat(3_000_000))));
        records.put("tiny-and-huge-doubles", record("d", NODES.numberNode(Double.MAX_VALUE), "e", NODES.numberNode(-Double.MIN_VALUE)));
        return records;
    }

    /** Records one step past a limit, with the limit each must be refused for. */
    static Stream<Object[]> pastTheLimits() {
        return Stream.of(
                new Object[] {"int-1001-digits", record("n", NODES.numberNode(new BigInteger("9".repeat(1001)))), "maxNumberLength"},
                new Object[] {"decimal-1001-digits", record("n", NODES.numberNode(new BigDecimal("1." + "9".repeat(1000)))), "maxNumberLength"},
                new Object[] {"name-50001-bytes", record("a".repeat(50_001), NODES.numberNode(1)), "maxNameLength"},
                new Object[] {"name-50002-bytes-of-2-byte-chars", record("é".repeat(25_001), NODES.numberNode(1)), "maxNameLength"},
                new Object[] {"name-60000-chars", record("n".repeat(60_000), NODES.numberNode(1)), "maxNameLength"},
                new Object[] {"objects-500-deep", nested(500, false), "maxNestingDepth"},
                new Object[] {"arrays-500-deep", nested(500, true), "maxNestingDepth"},
                new Object[] {"nan", record("d", NODES.numberNode(Double.NaN)), "finiteNumbers"},
                new Object[] {"infinity", record("d", NODES.numberNode(Double.POSITIVE_INFINITY)), "finiteNumbers"},
                new Object[] {"float-minus-infinity", record("d", NODES.numberNode(Float.NEGATIVE_INFINITY)), "finiteNumbers"},
                new Object[] {"lone-high-surrogate-in-string", record("s", NODES.stringNode("a\uD800")), "wellFormedText"},
                new Object[] {"lone-low-surrogate-in-name", record("\uDC00b", NODES.numberNode(1)), "wellFormedText"},
                new Object[] {"larger-than-16-MiB", record("s", NODES.stringNode("x".repeat(16 * 1024 * 1024))), "maxRecordSize"});
    }

    static Stream<Layouts> layouts() {
        return Layouts.all();
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void recordsAtEveryLimitReadBackEqualByEveryPath(Layouts layout) throws Exception {
        Map<String, ObjectNode> records = atTheLimits();
        Map<String, String> texts = new LinkedHashMap<>();
        Path dir = root.resolve("data");
        try (FileStore store = layout.open(dir, MAPPER)) {
            DocumentCollection c = store.collection("c");
            records.forEach(c::put);
            records.forEach((id, record) -> texts.put(id, c.getJson(id).orElseThrow()));
            assertRecords(store, records, texts, "as written");
            if (layout.logged()) {
                Path copy = Layouts.crashCopy(dir, root.resolve("crash"));
                try (FileStore replayed = layout.open(copy, MAPPER)) {
                    assertRecords(replayed, records, texts, "replayed from the log after a crash");
                }
            }
            store.flush();
            assertRecords(store, records, texts, "after a flush");
        }
        if (layout.persistent()) {
            try (FileStore reopened = layout.open(dir, MAPPER)) {
                assertRecords(reopened, records, texts, "reopened");
                reopened.collection("c").put("one-more", record("tag", NODES.stringNode("x")));
            }
            try (FileStore reopened = layout.open(dir, MAPPER)) {
                assertRecords(reopened, records, texts, "reopened after a rewrite");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void aRecordPastALimitIsRefusedNamingItAndLeavesNoTrace(Layouts layout) throws Exception {
        Path dir = root.resolve("data");
        List<Object[]> cases = pastTheLimits().toList();
        try (FileStore store = layout.open(dir, MAPPER)) {
            DocumentCollection c = store.collection("c");
            c.put("kept", record("tag", NODES.stringNode("kept")));
            for (Object[] refused : cases) {
                String id = (String) refused[0];
                assertThatThrownBy(() -> c.put(id, refused[1])).as(id)
                        .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.limit()).isEqualTo(refused[2]))
                        .hasMessageContaining(id).hasMessageContaining((String) refused[2]).hasMessageContaining("Nothing was changed");
                assertThat(c.exists(id)).isFalse();
                assertThatThrownBy(() -> c.update("kept", refused[1])).as("update of kept with " + id)
                        .isInstanceOf(InvalidRecordException.class);
            }
            assertThat(c.ids()).containsExactly("kept");
            assertThat(c.get("kept")).contains(record("tag", NODES.stringNode("kept")));
            assertThat(store.status().fenced()).isFalse();
            store.flush();
        }
        if (layout.persistent()) {
            try (FileStore reopened = layout.open(dir, MAPPER)) {
                assertThat(reopened.collection("c").ids()).containsExactly("kept");
                assertThat(reopened.status().quarantinedFiles()).isEmpty();
            }
        }
    }

    @Test
    void aMergePatchWhoseResultWouldBreakALimitIsRefusedAndTheRecordStaysAsItWas() {
        try (FileStore store = Layouts.FILE_PER_RECORD.open(root.resolve("data"), MAPPER)) {
            DocumentCollection c = store.collection("c");
            ObjectNode big = record("s", NODES.stringNode("x".repeat(10 * 1024 * 1024)));
            c.put("r", big);
            ObjectNode patch = record("t", NODES.stringNode("y".repeat(10 * 1024 * 1024)));
            assertThatThrownBy(() -> c.update("r", patch)).isInstanceOfSatisfying(InvalidRecordException.class,
                    e -> assertThat(e.limit()).isEqualTo("maxRecordSize"));
            assertThat(c.get("r")).contains(big);
        }
    }

    @ParameterizedTest
    @MethodSource("io.filestore.roundtrip.Layouts#persistentOnes")
    void globalValuesFollowTheSameLimits(Layouts layout) throws Exception {
        Path dir = root.resolve("data");
        BigInteger big = new BigInteger("9".repeat(1000));
        try (FileStore store = layout.open(dir, MAPPER)) {
            store.setValue("big", big);
            store.setValue("deep", nested(499, true));
            assertThatThrownBy(() -> store.setValue("bigger", new BigInteger("9".repeat(1001))))
                    .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.limit()).isEqualTo("maxNumberLength"))
                    .hasMessageContaining("global value 'bigger'");
            assertThatThrownBy(() -> store.setValue("nan", Double.NaN)).isInstanceOf(InvalidRecordException.class);
            assertThatThrownBy(() -> store.setValue("deeper", nested(500, true))).isInstanceOf(InvalidRecordException.class);
            assertThat(store.valueKeys()).containsExactlyInAnyOrder("big", "deep");
        }
        try (FileStore reopened = layout.open(dir, MAPPER)) {
            assertThat(reopened.getValue("big")).contains(NODES.numberNode(big));
            assertThat(reopened.getValue("deep")).contains(nested(499, true));
            assertThat(reopened.valueKeys()).containsExactlyInAnyOrder("big", "deep");
        }
    }

    @Test
    void plainJavaValuesAreCheckedToo() {
        try (FileStore store = Layouts.SINGLE_FILE_JSON.open(root.resolve("data"), MAPPER)) {
            DocumentCollection c = store.collection("c");
            assertThatThrownBy(() -> c.put("p", Map.of("n", new BigInteger("9".repeat(1001)))))
                    .isInstanceOf(InvalidRecordException.class).hasMessageContaining("1001 digits");
            assertThatThrownBy(() -> c.put("q", Map.of("d", Double.NaN))).isInstanceOf(InvalidRecordException.class);
            assertThatThrownBy(() -> c.put("r", Map.of("l", List.of(List.of(Float.POSITIVE_INFINITY)))))
                    .isInstanceOf(InvalidRecordException.class).hasMessageContaining("\"l[0][0]\"");
            assertThat(c.count()).isZero();
        }
    }

    @Test
    void theLimitsFollowTheReadConstraintsOfAGivenMapper() throws Exception {
        JsonMapper strict = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(1000).maxNumberLength(20).maxNestingDepth(10).maxNameLength(64).build()).build()).build();
        Path dir = root.resolve("data");
        try (FileStore store = Layouts.SINGLE_FILE_JSON.open(dir, strict)) {
            DocumentCollection c = store.collection("c");
            c.put("s", record("s", NODES.stringNode("é".repeat(1000)), "n", NODES.numberNode(new BigInteger("9".repeat(20)))));
            c.put("d", nested(9, false));
            assertThatThrownBy(() -> c.put("x", record("s", NODES.stringNode("x".repeat(1001)))))
                    .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.limit()).isEqualTo("maxStringLength"));
            assertThatThrownBy(() -> c.put("x", record("n", NODES.numberNode(new BigInteger("9".repeat(21))))))
                    .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.limit()).isEqualTo("maxNumberLength"));
            assertThatThrownBy(() -> c.put("x", nested(10, false)))
                    .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.limit()).isEqualTo("maxNestingDepth"));
            assertThatThrownBy(() -> c.put("x", record("n".repeat(65), NODES.numberNode(1))))
                    .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.limit()).isEqualTo("maxNameLength"));
        }
        try (FileStore reopened = Layouts.SINGLE_FILE_JSON.open(dir, strict)) {
            assertThat(reopened.collection("c").ids()).containsExactlyInAnyOrder("s", "d");
        }
    }

    @Test
    void aMapperThatLimitsTheLengthOfADocumentIsRefusedAtOpen() {
        JsonMapper limited = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxDocumentLength(1_000_000).build()).build()).build();
        assertThatThrownBy(() -> Layouts.FILE_PER_RECORD.open(root.resolve("data"), limited))
                .isInstanceOf(InvalidOptionsException.class).hasMessageContaining("jsonMapper").hasMessageContaining("maxDocumentLength");
    }

    /**
     * Every record reads back as the same JSON text by every path, and as a tree equal to what was
     * written (numbers compared by value: decimals are read back as BigDecimal, whatever Java type wrote them).
     */
    static void assertRecords(FileStore store, Map<String, ObjectNode> records, Map<String, String> texts, String when) {
        DocumentCollection c = store.collection("c");
        assertThat(c.ids()).as(when).containsAll(records.keySet());
        records.forEach((id, record) -> {
            assertThat(c.getJson(id)).as(id + " as JSON text " + when).contains(texts.get(id));
            assertThat(c.get(id).orElseThrow().equals(NUMBERS_BY_VALUE, record)).as(id + " " + when).isTrue();
        });
        assertThat(store.status().quarantinedFiles()).as(when).isEmpty();
    }

    /** Equal when both are numbers of the same value, or equal nodes otherwise. */
    static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    static ObjectNode record(Object... namesAndValues) {
        ObjectNode node = NODES.objectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            node.set((String) namesAndValues[i], (JsonNode) namesAndValues[i + 1]);
        }
        return node;
    }

    /** An object {@code depth} levels deep, the record itself counting as one: arrays below the top when asked. */
    static ObjectNode nested(int depth, boolean arrays) {
        JsonNode inner = NODES.numberNode(1);
        for (int level = depth; level > 1; level--) {
            if (arrays) {
                ArrayNode array = NODES.arrayNode();
                array.add(inner);
                inner = array;
            } else {
                ObjectNode object = NODES.objectNode();
                object.set("a", inner);
                inner = object;
            }
        }
        ObjectNode top = NODES.objectNode();
        top.set("a", inner);
        return top;
    }
}
