package io.filestore.internal.persist;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.filestore.CorruptedFileException;
import io.filestore.internal.json.Json;
import io.filestore.spi.CollectionPersister;
import io.filestore.spi.JsonCodec;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The JSON Lines load that goes straight to compact records ({@link JsonLinesCodec#decodeInto}) reads
 * every file exactly as parsing each line to a tree and applying them in order does, across the slices it
 * parses side by side: later lines win, deletion lines delete, and one bad line anywhere fails the
 * whole file before any record reaches the sink.
 */
class JsonLinesDecodeTests {

    private static final Path FILE = Path.of("things.jsonl");

    private final Json json = new Json(Json.defaultMapper());
    private final JsonLinesCodec codec = new JsonLinesCodec(json);
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void aFileOfSeveralSlicesLoadsAsTheTreeDecodeReadsIt() {
        // about 3 MB: more than one slice of 1 MiB, so ids repeat and deletions land in other slices
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            content.append("{\"id\":\"t").append(i).append("\",\"email\":\"t").append(i)
                    .append("@x.io\",\"age\":").append(i % 90).append(",\"tags\":[\"a\",{\"b\":1.50}],\"note\":\"")
                    .append("x".repeat(40)).append("\"}\n");
        }
        for (int i = 0; i < 30_000; i += 7) {
            content.append("{\"id\":\"t").append(i).append("\",\"_deleted\":true}\n");
        }
        for (int i = 0; i < 30_000; i += 5) {
            content.append("{\"age\":").append(i).append(",\"id\":\"t").append(i).append("\",\"_deleted\":false}\n");
        }
        byte[] bytes = content.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isGreaterThan(2 << 20);

        CollectingSink sink = new CollectingSink(Set.of("age"));
        codec.decodeInto(bytes, FILE, sink, pool);

        Map<String, String> expected = new TreeMap<>();
        treesLineByLine(bytes).forEach((id, record) -> expected.put(id, new String(json.toBytes(record), StandardCharsets.UTF_8)));
        assertThat(new TreeMap<>(sink.records)).isEqualTo(expected);
        assertThat(sink.expected).isEqualTo(expected.size());
        assertThat(sink.records).doesNotContainKey("t7").containsKey("t35").containsKey("t1");
        assertThat(sink.records.get("t35")).isEqualTo("{\"age\":35,\"_deleted\":false}");
        assertThat(sink.fields.get("t35")).isEqualTo(json.parseObject("{\"age\":35}".getBytes(StandardCharsets.UTF_8)));
        assertThat(sink.fields.get("t1")).isEqualTo(json.parseObject("{\"age\":1}".getBytes(StandardCharsets.UTF_8)));
        assertThat(sink.records.get("t1")).contains("\"tags\":[\"a\",{\"b\":1.50}]");
    }

    @Test
    void aBadLineInALaterSliceFailsTheWholeFileNamingItsLineBeforeAnyRecordIsLoaded() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int lines = 20_000;
        long badOffset = 0;
        for (int i = 0; i < lines; i++) {
            if (i == 15_000) {
                badOffset = out.size();
                out.writeBytes("{\"id\":\"t15000\",\"email\":\n".getBytes(StandardCharsets.UTF_8));
                continue;
            }
            out.writeBytes(("{\"id\":\"t" + i + "\",\"note\":\"" + "y".repeat(100) + "\"}\n").getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = out.toByteArray();
        long offset = badOffset;
        CollectingSink sink = new CollectingSink(Set.of());

        assertThatThrownBy(() -> codec.decodeInto(bytes, FILE, sink, pool))
                .isInstanceOfSatisfying(CorruptedFileException.class, e -> {
                    assertThat(e.path()).isEqualTo(FILE);
                    assertThat(e.offset()).isEqualTo(offset);
                    assertThat(e.problem()).startsWith("line 15001: not valid JSON");
                });
        assertThat(sink.records).isEmpty();
        assertThat(sink.expected).isZero();
    }

    @Test
    void aLineWithoutAStringIdOrWithTrailingContentOrCutShortIsCorrupted() {
        assertProblem("{\"id\":\"a\"}\n{\"id\":7,\"x\":1}\n", "line 2: not a JSON object with a string \"id\"");
        assertProblem("{\"id\":\"a\"} {\"id\":\"b\"}\n", "line 1: unexpected content after the JSON object");
        assertProblem("[1,2]\n", "line 1: not a JSON object");
        assertProblem("{\"id\":\"a\"}\n{\"id\":\"b\",\"x\"", "line 2: not valid JSON: Unexpected end-of-input within/between Object entries");
    }

    @Test
    void aCompleteLastLineWithoutItsNewlineLoads() {
        CollectingSink sink = new CollectingSink(Set.of());
        codec.decodeInto("{\"key\":\"a\",\"record\":{}}\n{\"key\":\"b\",\"record\":{\"x\":1}}".getBytes(StandardCharsets.UTF_8),
                FILE, sink, pool);
        assertThat(sink.records).containsOnly(Map.entry("a", "{}"), Map.entry("b", "{\"x\":1}"));
    }

    @Test
    void envelopeLinesCarryTheRecordWhateverItsMembersAndOnlyTheirExactShapeIsAnEnvelope() {
        String content = """
                {"flush":3}
                {"key":"a","record":{"id":"other","_deleted":true,"x":1.0E20}}
                {"key":"b","record":{"_deleted":true}}
                {"key":"c","record":{}}
                {"key":"c","deleted":true}
                {"key":"d","record":{"key":"e","deleted":true}}
                {"key":"k","record":{},"id":"f"}
                {"flush":"x","id":"g"}
                """;
        CollectingSink sink = new CollectingSink(Set.of("x", "key"));
        codec.decodeInto(content.getBytes(StandardCharsets.UTF_8), FILE, sink, pool);
        assertThat(sink.records).containsOnly(
                Map.entry("a", "{\"id\":\"other\",\"_deleted\":true,\"x\":1.0E20}"),
                Map.entry("b", "{\"_deleted\":true}"),
                Map.entry("d", "{\"key\":\"e\",\"deleted\":true}"),
                Map.entry("f", "{\"key\":\"k\",\"record\":{}}"), // read the old way: the envelope has no "id"
                Map.entry("g", "{\"flush\":\"x\"}"));
        assertThat(sink.fields.get("a")).isEqualTo(json.parseObject("{\"x\":1.0E20}".getBytes(StandardCharsets.UTF_8)));
        assertThat(sink.fields.get("d")).isEqualTo(json.parseObject("{\"key\":\"e\"}".getBytes(StandardCharsets.UTF_8)));

        assertProblem("{\"key\":\"a\",\"record\":[1]}\n",
                "line 1: \"key\" is followed by neither \"record\" (an object) nor \"deleted\": true");
        assertProblem("{\"key\":\"a\",\"deleted\":false}\n",
                "line 1: \"key\" is followed by neither \"record\" (an object) nor \"deleted\": true");
        assertProblem("{\"key\":\"a\",\"record\":{},\"x\":1}\n", "line 1: a line of \"key\" has a member after \"record\"");
        assertProblem("{\"key\":7,\"record\":{}}\n", "line 1: \"key\" is not a string");
        assertProblem("{\"flush\":1.5}\n", "line 1: \"flush\" is not a sequence number");
    }

    /** The reference: every line parsed to a tree and applied in order; the last line of an id wins. */
    private Map<String, ObjectNode> treesLineByLine(byte[] content) {
        Map<String, ObjectNode> records = new LinkedHashMap<>();
        for (String text : new String(content, StandardCharsets.UTF_8).split("\n")) {
            ObjectNode line = (ObjectNode) json.mapper().readTree(text);
            String id = line.remove("id").stringValue();
            if (line.size() == 1 && line.path("_deleted").asBoolean(false)) {
                records.remove(id);
            } else {
                records.put(id, line);
            }
        }
        return records;
    }

    private void assertProblem(String content, String problem) {
        CollectingSink sink = new CollectingSink(Set.of());
        assertThatThrownBy(() -> codec.decodeInto(content.getBytes(StandardCharsets.UTF_8), FILE, sink, pool))
                .isInstanceOfSatisfying(CorruptedFileException.class, e -> assertThat(e.problem()).isEqualTo(problem));
        assertThat(sink.records).isEmpty();
    }

    /** Keeps what the codec hands over: each record's compact JSON and the trees of the fields asked for. */
    private static final class CollectingSink implements CollectionPersister.RecordSink {
        private final Set<String> treeFields;
        final Map<String, String> records = new ConcurrentHashMap<>();
        final Map<String, ObjectNode> fields = new ConcurrentHashMap<>();
        int expected;

        CollectingSink(Set<String> treeFields) {
            this.treeFields = treeFields;
        }

        @Override
        public void accept(String id, ObjectNode record) {
            throw new AssertionError("the JSON Lines load hands over compact records, not trees");
        }

        @Override
        public void expect(int records) {
            expected = records;
        }

        @Override
        public Set<String> treeFields() {
            return treeFields;
        }

        @Override
        public void acceptCompact(String id, byte[] compactJson, ObjectNode captured, JsonCodec json) {
            assertThat(records.put(id, new String(compactJson, StandardCharsets.UTF_8))).as("handed over twice: " + id).isNull();
            fields.put(id, captured);
        }
    }
}
