package io.filestore.internal.json;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.filestore.CorruptedFileException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTests {

    private final Json json = new Json(Json.defaultMapper());
    private final Path file = Path.of("r.json");

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void compactCopyGivesTheBytesThatParsingAndEncodingGive() {
        String pretty = "{\n  \"a\" : 0.1000000000000000055,\n  \"b\" : { \"c\" : [ 1, 2.50, null ] },\n  \"n\" : null,\n"
                + "  \"e\" : \"q\\\"\\u0001\u00e9\",\n  \"f\" : 1.0E+2\n}\n";
        byte[] expected = json.toBytes(json.parseObjectFile(bytes(pretty), file));
        assertThat(json.compactObjectFile(bytes(pretty), file)).isEqualTo(expected);
        assertThat(json.compactObjectFile(bytes(pretty), file, Set.of("a", "b", "n", "e", "f")).bytes()).isEqualTo(expected);
        assertThat(json.compactObjectFile(bytes(pretty), file, Set.of("b", "zzz")).bytes()).isEqualTo(expected);
    }

    @Test
    void compactCopyBuildsTreesOfOnlyTheFieldsAskedFor() {
        Json.CompactRecord record = json.compactObjectFile(bytes("{\"a\":{\"x\":[1,2]},\"b\":\"skip\",\"n\":null,\"c\":7}"), file,
                Set.of("a", "n", "missing"));
        assertThat(record.fields().propertyNames()).containsExactly("a", "n");
        assertThat(record.fields().get("a").get("x").get(1).intValue()).isEqualTo(2);
        assertThat(record.fields().get("n").isNull()).isTrue();
    }

    @Test
    void capturedTreesFollowTheMappersDecimalFeaturesAndTheBytesStayExact() {
        String text = "{\"f\":2.50,\"g\":[1.0E+2,{\"h\":true}],\"s\":\"x\"}";
        Json.CompactRecord record = json.compactObjectFile(bytes(text), file, Set.of("f", "g", "s"));
        assertThat(record.bytes()).isEqualTo(bytes(text));
        assertThat(record.fields().get("f").isBigDecimal()).isTrue();
        assertThat(record.fields().get("f").decimalValue()).isEqualByComparingTo("2.50");
        assertThat(record.fields().get("f").decimalValue().scale()).isEqualTo(2);
        assertThat(record.fields().get("g")).isEqualTo(json.parseObject(bytes(text)).get("g"));
        assertThat(record.fields().get("s").stringValue()).isEqualTo("x");
    }

    @Test
    void compactCopyRefusesWhatIsNotExactlyOneObject() {
        for (String bad : new String[] {"[1]", "", "{\"a\":1} {\"b\":2}", "{\"a\":", "{\"a\":1,}"}) {
            assertThatThrownBy(() -> json.compactObjectFile(bytes(bad), file, Set.of("a")))
                    .as(bad).isInstanceOf(CorruptedFileException.class);
        }
    }
}
