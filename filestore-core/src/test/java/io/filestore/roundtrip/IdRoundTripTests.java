package io.filestore.roundtrip;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.filestore.DocumentCollection;
import io.filestore.FileStore;
import io.filestore.InvalidIdException;
import io.filestore.internal.json.Json;
import io.filestore.spi.RecordFileNames;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Ids round-trip exactly: random ids from every Unicode plane, with surrogates (paired and lone),
 * control characters, dots, percent signs, device names and lengths near the limit are either refused
 * at once with {@link InvalidIdException} or read back identical, each holding its own record, after a
 * reopen and after a crash, on every layout. No two distinct accepted ids share a file or a line.
 */
class IdRoundTripTests {

    private static final long SEED = Long.getLong("filestore.ids.seed", System.nanoTime());
    private static final String[] PIECES = {".", "..", "/", "\\", "%", "%2E", "%25", "?", "CON", "nul", "COM1", "LPT9.txt",
            " ", "a", "Z", "0", "-", "_", "@", "=", ",", "+", "~", ":", "*", "\"", "<", ">", "|", "\u00e9", "e\u0301",
            "\u4e2d", "\uD83D\uDE00", "\uDBFF\uDFFF", "\uFFFD", "\uFEFF", "\u2028", "\u0000", "\n", "\u007f", "\u0085"};

    @TempDir
    Path root;

    /** Random ids, a fixed set of edge cases first; the seed is in every failure message. */
    static List<String> randomIds(Random random, int count) {
        Set<String> ids = new LinkedHashSet<>(List.of("q?", "q\uD800", "q\uDC00", "\uDC00\uD800", "a\uD83D", "\uDE00b",
                "..", ".", "CON", "con.txt", "%41", "A", "x".repeat(214), "x".repeat(215), "\u00e9".repeat(35), "\u00e9".repeat(36)));
        while (ids.size() < count) {
            StringBuilder id = new StringBuilder();
            int parts = 1 + random.nextInt(6);
            for (int i = 0; i < parts; i++) {
                switch (random.nextInt(4)) {
                    case 0 -> id.append(PIECES[random.nextInt(PIECES.length)]);
                    case 1 -> id.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1)); // every plane, lone surrogates too
                    case 2 -> id.append((char) random.nextInt(0x10000));
                    default -> id.append("x".repeat(random.nextInt(random.nextInt(10) == 0 ? 240 : 12)));
                }
            }
            ids.add(id.toString());
        }
        return new ArrayList<>(ids);
    }

    @ParameterizedTest
    @MethodSource("io.filestore.roundtrip.Layouts#all")
    void everyIdIsRefusedAtOnceOrReadBackIdenticalAfterReopenAndCrash(Layouts layout) throws Exception {
        Random random = new Random(SEED + layout.ordinal());
        List<String> ids = randomIds(random, 400);
        Map<String, ObjectNode> accepted = new LinkedHashMap<>();
        Path dir = root.resolve("data");
        try (FileStore store = layout.open(dir, Json.defaultMapper())) {
            DocumentCollection c = store.collection("c");
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                ObjectNode record = Json.defaultMapper().createObjectNode().put("n", i);
                if (wellFormed(id)) {
                    try {
                        c.put(id, record);
                        accepted.put(id, record);
                    } catch (InvalidIdException refused) {
                        assertThat(c.exists(id)).as("seed %s: refused id %s left a trace", SEED, describe(id)).isFalse();
                    }
                } else {
                    assertThatThrownBy(() -> c.put(id, record)).as("seed %s: id %s is not well-formed UTF-16", SEED, describe(id))
                            .isInstanceOf(InvalidIdException.class);
                }
            }
            assertThat(accepted).as("seed %s: most ids are storable", SEED).hasSizeGreaterThan(100);
            assertExactly(c, accepted, "in memory");
            if (layout.logged()) {
                try (FileStore crashed = layout.open(Layouts.crashCopy(dir, root.resolve("crash")), Json.defaultMapper())) {
                    assertExactly(crashed.collection("c"), accepted, "after a crash");
                }
            }
        }
        if (layout.persistent()) {
            try (FileStore reopened = layout.open(dir, Json.defaultMapper())) {
                assertExactly(reopened.collection("c"), accepted, "after a reopen");
                assertThat(reopened.status().quarantinedFiles()).isEmpty();
            }
        }
    }

    @Test
    void distinctAcceptedIdsNeverShareAFileName() {
        Map<String, String> owners = new HashMap<>();
        for (String id : randomIds(new Random(SEED), 20_000)) {
            String name;
            try {
                name = RecordFileNames.fileName(id);
            } catch (InvalidIdException refused) {
                continue;
            }
            String other = owners.putIfAbsent(name, id);
            assertThat(other).as("seed %s: %s and %s share %s", SEED, describe(id), describe(other), name).isNull();
            assertThat(RecordFileNames.idOf(name)).as("seed %s: %s decodes back", SEED, describe(id)).isEqualTo(id);
        }
    }

    @Test
    void loneSurrogatesAreRefusedWhereverAnIdOrKeyEnters() {
        try (FileStore store = Layouts.FILE_PER_RECORD.open(root.resolve("data"), Json.defaultMapper())) {
            DocumentCollection c = store.collection("c");
            c.put("q?", Map.of("v", "A"));
            assertThatThrownBy(() -> c.put("q\uD800", Map.of("v", "B"))).isInstanceOf(InvalidIdException.class)
                    .hasMessageContaining("\\ud800").hasMessageContaining("UTF-16");
            assertThatThrownBy(() -> c.update("q\uD800", Map.of("v", "B"))).isInstanceOf(InvalidIdException.class);
            assertThatThrownBy(() -> c.delete("q\uDC00")).isInstanceOf(InvalidIdException.class);
            assertThatThrownBy(() -> store.setValue("k\uD800", 1)).isInstanceOf(InvalidIdException.class);
            assertThatThrownBy(() -> store.deleteValue("k\uD800")).isInstanceOf(InvalidIdException.class);
            assertThat(c.get("q?")).map(node -> node.get("v").asString()).contains("A");
            assertThat(store.valueKeys()).isEmpty();
        }
    }

    private static void assertExactly(DocumentCollection c, Map<String, ObjectNode> accepted, String when) {
        assertThat(c.ids()).as("seed %s: ids %s", SEED, when).containsExactlyInAnyOrderElementsOf(accepted.keySet());
        accepted.forEach((id, record) -> assertThat(c.get(id)).as("seed %s: record of %s %s", SEED, describe(id), when)
                .contains(record));
    }

    private static boolean wellFormed(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < id.length() && Character.isLowSurrogate(id.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String describe(String id) {
        if (id == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        id.chars().limit(60).forEach(ch -> out.append(ch < 0x20 || ch > 0x7e ? String.format("\\u%04x", ch) : String.valueOf((char) ch)));
        return out.append('"').toString();
    }
}
