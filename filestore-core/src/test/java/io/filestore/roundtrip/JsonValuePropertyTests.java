package io.filestore.roundtrip;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.filestore.DocumentCollection;
import io.filestore.FileStore;
import io.filestore.InvalidRecordException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random JSON records near and past every limit, on every layout: what {@code put} accepted reads back
 * equal by get, after a crash (log replay), after a flush and after a reopen; what it refused left no
 * trace. The mapper's read constraints are made small so that random values cross them often; the
 * seed is in every failure message ({@code -Dfilestore.json.seed=N} repeats a run).
 */
class JsonValuePropertyTests {

    private static final long SEED = Long.getLong("filestore.json.seed", System.nanoTime());
    private static final int NUMBER_DIGITS = 30;
    private static final int NAME_BYTES = 40;
    private static final int STRING_CHARS = 60;
    private static final int DEPTH = 8;
    private static final JsonMapper SMALL_LIMITS = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(
                    StreamReadConstraints.builder().maxNumberLength(NUMBER_DIGITS).maxNameLength(NAME_BYTES)
                            .maxStringLength(STRING_CHARS).maxNestingDepth(DEPTH).build()).build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    private static final JsonNodeFactory NODES = SMALL_LIMITS.getNodeFactory();

    @TempDir
    Path root;

    @ParameterizedTest
    @MethodSource("io.filestore.roundtrip.Layouts#all")
    void whatPutAcceptedReadsBackEqualAndWhatItRefusedLeftNoTrace(Layouts layout) throws Exception {
        Random random = new Random(SEED + layout.ordinal());
        Map<String, ObjectNode> accepted = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        int refused = 0;
        Path dir = root.resolve("data");
        try (FileStore store = layout.open(dir, SMALL_LIMITS)) {
            DocumentCollection c = store.collection("c");
            for (int i = 0; i < 300; i++) {
                String id = "r" + i;
                ObjectNode record = randomObject(random, 1);
                try {
                    c.put(id, record);
                    accepted.put(id, record);
                    texts.put(id, c.getJson(id).orElseThrow());
                } catch (InvalidRecordException e) {
                    refused++;
                    assertThat(c.exists(id)).as("seed %s: refused %s left a trace", SEED, record).isFalse();
                }
            }
            assertThat(accepted).as("seed %s", SEED).hasSizeGreaterThan(30);
            assertThat(refused).as("seed %s", SEED).isGreaterThan(30);
            check(store, accepted, texts, "as written");
            if (layout.logged()) {
                try (FileStore replayed = layout.open(Layouts.crashCopy(dir, root.resolve("crash")), SMALL_LIMITS)) {
                    check(replayed, accepted, texts, "replayed after a crash");
                }
            }
            store.flush();
            check(store, accepted, texts, "after a flush");
        }
        if (layout.persistent()) {
            try (FileStore reopened = layout.open(dir, SMALL_LIMITS)) {
                check(reopened, accepted, texts, "reopened");
            }
        }
    }

    private static void check(FileStore store, Map<String, ObjectNode> accepted, Map<String, String> texts, String when) {
        try {
            JsonLimitsTests.assertRecords(store, accepted, texts, when);
            assertThat(store.collection("c").count()).isEqualTo(accepted.size());
        } catch (AssertionError e) {
            throw new AssertionError("seed " + SEED + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode randomObject(Random random, int depth) {
        ObjectNode object = NODES.objectNode();
        int members = random.nextInt(4);
        for (int i = 0; i < members; i++) {
            object.set(randomName(random), randomValue(random, depth + 1));
        }
        if (random.nextInt(3) == 0) {
            object.put("tag", "t" + random.nextInt(5)); // the indexed field
        }
        return object;
    }

    private static JsonNode randomValue(Random random, int depth) {
        return switch (random.nextInt(9)) {
            case 0 -> depth < DEPTH + 1 ? randomObject(random, depth) : NODES.nullNode();
            case 1 -> {
                ArrayNode array = NODES.arrayNode();
                int size = random.nextInt(3);
                for (int i = 0; i < size && depth < DEPTH + 1; i++) {
                    array.add(randomValue(random, depth + 1));
                }
                yield array;
            }
            case 2 -> NODES.numberNode(new BigInteger(digits(random, NUMBER_DIGITS - 3 + random.nextInt(6))).negate());
            case 3 -> NODES.numberNode(new BigDecimal(digits(random, 1 + random.nextInt(3)) + "." + digits(random, NUMBER_DIGITS - 6 + random.nextInt(8))
                    + (random.nextBoolean() ? "E" + (random.nextInt(2000) - 1000) : "")));
            case 4 -> NODES.numberNode(random.nextInt(40) == 0 ? Double.NaN : random.nextInt(40) == 0 ? Double.NEGATIVE_INFINITY
                    : random.nextDouble() * Math.pow(10, random.nextInt(600) - 300));
            case 5 -> NODES.stringNode(randomText(random, STRING_CHARS - 4 + random.nextInt(8)));
            case 6 -> NODES.booleanNode(random.nextBoolean());
            case 7 -> NODES.numberNode(random.nextLong());
            default -> NODES.nullNode();
        };
    }

    private static String randomName(Random random) {
        String[] reserved = {"id", "_deleted", "key", "record", "deleted", "_class", ""};
        if (random.nextInt(5) == 0) {
            return reserved[random.nextInt(reserved.length)];
        }
        return randomText(random, random.nextInt(NAME_BYTES / 2) + (random.nextBoolean() ? NAME_BYTES / 2 - 2 : 0));
    }

    /** Text of about {@code length} characters: mostly ASCII, some 2-, 3- and 4-byte characters, now and then a lone surrogate. */
    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            switch (random.nextInt(12)) {
                case 0 -> text.append('\u00e9');
                case 1 -> text.append('\u4e2d');
                case 2 -> text.appendCodePoint(0x1F600 + random.nextInt(50));
                case 3 -> text.append(random.nextInt(30) == 0 ? '\uD800' : '"');
                case 4 -> text.append(random.nextInt(4) == 0 ? '\n' : '\\');
                default -> text.append((char) ('a' + random.nextInt(26)));
            }
        }
        return text.toString();
    }

    private static String digits(Random random, int count) {
        StringBuilder digits = new StringBuilder().append((char) ('1' + random.nextInt(9)));
        for (int i = 1; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }
}
