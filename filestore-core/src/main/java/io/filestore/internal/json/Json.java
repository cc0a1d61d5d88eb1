package io.filestore.internal.json;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.filestore.CorruptedFileException;
import io.filestore.InvalidRecordException;
import io.filestore.spi.JsonCodec;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns records into bytes and back with one Jackson mapper. Records live in memory as compact
 * UTF-8 JSON: small, immutable, and every read hands out a fresh tree the caller owns.
 *
 * <p>Thread-safe. The mapper never uses polymorphic default typing, so stored JSON cannot choose
 * which class is instantiated.
 */
public final class Json implements JsonCodec {

    // decimals are read as BigDecimal, trailing zeros kept: a record read, patched and written again
    // keeps every digit it was given (as doubles, 0.1000000000000000055 would come back as 0.1)
    private static final JsonMapper DEFAULT = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final JsonMapper mapper;
    private final ObjectWriter pretty;
    private final TokenStreamFactory streams;
    private final JsonNodeFactory nodes;
    private final JsonLimits limits;

    public Json(JsonMapper mapper) {
        this.mapper = mapper;
        this.limits = new JsonLimits(mapper.tokenStreamFactory().streamReadConstraints());
        this.pretty = mapper.writerWithDefaultPrettyPrinter();
        this.streams = mapper.tokenStreamFactory();
        this.nodes = mapper.getNodeFactory();
    }

    /** The mapper FileStore uses when none is given: Jackson defaults, unknown properties ignored. */
    public static JsonMapper defaultMapper() {
        return DEFAULT;
    }

    /** The token streams of the mapper, without its databind contexts, which a copy never reads. */
    TokenStreamFactory streams() {
        return streams;
    }

    /** An empty object for the trees of {@code size} captured fields, sized for them. */
    ObjectNode fieldsNode(int size) {
        return new ObjectNode(nodes, new LinkedHashMap<>(size * 2));
    }

    /** The mapper behind this codec. */
    public JsonMapper mapper() {
        return mapper;
    }

    /** The limits every stored record and value keeps, so that it reads back by every path. */
    public JsonLimits limits() {
        return limits;
    }

    /**
     * The compact bytes of a record or global value about to be stored, once it is checked against
     * {@link #limits()}.
     *
     * @param collection the collection, or {@code null} for a global value
     * @param id         the record's id or the value's key
     * @throws io.filestore.InvalidRecordException naming the broken limit; nothing is stored
     */
    public byte[] toStorableBytes(JsonNode node, String collection, String id) {
        limits.check(node, collection, id);
        byte[] bytes = toBytes(node);
        limits.checkSize(bytes, collection, id);
        return bytes;
    }

    /** A new empty object node. */
    public ObjectNode newObject() {
        return mapper.createObjectNode();
    }

    /** Compact UTF-8 bytes of a tree. */
    public byte[] toBytes(JsonNode node) {
        return mapper.writeValueAsBytes(node);
    }

    /** Pretty-printed bytes of compact JSON with a final newline, for files people read. */
    public byte[] pretty(byte[] compact) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(compact.length * 2 + 16);
        try (JsonGenerator generator = pretty.createGenerator(out)) {
            copyExact(compact, generator);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /**
     * Pretty-printed bytes, with a final newline, of one object whose members are the given compact
     * JSON values, in the map's order.
     */
    public byte[] prettyObject(Map<String, byte[]> members) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + members.size() * 400);
        try (JsonGenerator generator = pretty.createGenerator(out)) {
            generator.writeStartObject();
            for (Map.Entry<String, byte[]> member : members.entrySet()) {
                generator.writeName(member.getKey());
                copyExact(member.getValue(), generator);
            }
            generator.writeEndObject();
        }
        out.write('\n');
        return out.toByteArray();
    }

    /**
     * Copies compact JSON token by token, every value exactly as it is: a number keeps its text
     * ({@code 1E308} does not become {@code 1E+308} through a BigDecimal), so that every file holds
     * what the log and memory hold, and no tree is built.
     */
    private void copyExact(byte[] compact, JsonGenerator generator) {
        try (JsonParser parser = streams.createParser(ObjectReadContext.empty(), compact)) {
            parser.nextToken();
            copyExactly(parser, generator);
        }
    }

    /** A fresh tree of bytes this codec wrote. */
    public JsonNode parse(byte[] bytes) {
        return mapper.readTree(bytes);
    }

    /** A fresh object tree of bytes this codec wrote. */
    public ObjectNode parseObject(byte[] bytes) {
        return (ObjectNode) mapper.readTree(bytes);
    }

    /**
     * Parses bytes read from a file that must hold one JSON object.
     *
     * @throws CorruptedFileException naming the file when it is not valid JSON or not an object
     */
    public ObjectNode parseObjectFile(byte[] bytes, Path file) {
        JsonNode node;
        try {
            node = mapper.readTree(bytes);
        } catch (JacksonException e) {
            long offset = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getByteOffset());
            throw new CorruptedFileException(file, offset, "not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new CorruptedFileException(file, 0, "expected a JSON object, found "
                    + (node == null || node.isMissingNode() ? "nothing" : node.getNodeType()));
        }
        return (ObjectNode) node;
    }

    /**
     * The compact bytes of a file that must hold one JSON object, copied token by token without
     * building a tree (far less work than parsing and re-encoding one); trailing content after the
     * object counts as malformed.
     *
     * @throws CorruptedFileException naming the file and offset when it is not exactly one JSON object
     */
    public byte[] compactObjectFile(byte[] bytes, Path file) {
        return compactObjectFile(bytes, file, Set.of()).bytes();
    }

    /**
     * As {@link #compactObjectFile(byte[], Path)}, and in the same single pass builds trees of only the
     * named top-level fields: what a collection's indexes read, without a tree of the whole record.
     *
     * @param treeFields top-level field names whose values are wanted as trees; may be empty
     * @return the compact bytes, and an object holding those of the fields the record has (absent
     *         fields are absent; with duplicate names the last wins, as when parsing the bytes)
     * @throws CorruptedFileException naming the file and offset when it is not exactly one JSON object
     */
    public CompactRecord compactObjectFile(byte[] bytes, Path file, Set<String> treeFields) {
        ReusableBuffer out = ReusableBuffer.forThisThread();
        // sized for the fields asked for: the default map's growth was part of the ~320 bytes the capture cost per record
        ObjectNode fields = fieldsNode(treeFields.size());
        // token streams without the mapper's databind contexts, which a copy never reads (about 230 of the
        // 1,925 bytes a 329-byte record's copy allocated); the factory keeps the mapper's stream features
        try (JsonParser parser = streams.createParser(ObjectReadContext.empty(), bytes);
             JsonGenerator generator = streams.createGenerator(ObjectWriteContext.empty(), out)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new CorruptedFileException(file, 0, "expected a JSON object, found " + (first == null ? "nothing" : first));
            }
            if (treeFields.isEmpty()) {
                copyExactly(parser, generator);
            } else {
                copyObjectCapturing(parser, generator, treeFields, fields);
            }
            if (parser.nextToken() != null) {
                throw new CorruptedFileException(file, parser.currentTokenLocation().getByteOffset(),
                        "unexpected content after the JSON object");
            }
        } catch (JacksonException e) {
            long offset = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getByteOffset());
            throw new CorruptedFileException(file, offset, "not valid JSON: " + e.getOriginalMessage());
        }
        return new CompactRecord(out.toByteArray(), fields);
    }

    /**
     * The records of a file holding one JSON object that maps each id to its record object (the
     * single-file JSON layout), each copied as {@link #compactObjectFile(byte[], Path, java.util.Set)}
     * copies a file, in file order; with a duplicate id the last wins, as when parsing.
     *
     * @throws CorruptedFileException naming the file and offset when it is not such an object
     */
    public Map<String, CompactRecord> compactRecordsObject(byte[] content, Path file, Set<String> treeFields) {
        Map<String, CompactRecord> records = new LinkedHashMap<>();
        try (JsonParser parser = streams.createParser(ObjectReadContext.empty(), content)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new CorruptedFileException(file, 0, "expected a JSON object of records");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String id = parser.currentName();
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new CorruptedFileException(file, parser.currentTokenLocation().getByteOffset(),
                            "record '" + id + "' is not a JSON object");
                }
                ObjectNode fields = new ObjectNode(nodes, new LinkedHashMap<>(treeFields.size() * 2));
                ByteArrayOutputStream out = new ByteArrayOutputStream(256);
                try (JsonGenerator generator = streams.createGenerator(ObjectWriteContext.empty(), out)) {
                    copyObjectCapturing(parser, generator, treeFields, fields);
                }
                records.put(id, new CompactRecord(out.toByteArray(), fields));
            }
            if (parser.nextToken() != null) {
                throw new CorruptedFileException(file, parser.currentTokenLocation().getByteOffset(),
                        "unexpected content after the JSON object");
            }
        } catch (JacksonException e) {
            long offset = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getByteOffset());
            throw new CorruptedFileException(file, offset, "not valid JSON: " + e.getOriginalMessage());
        }
        return records;
    }

    /**
     * Copies the object the parser is at, every value exactly as it is; the value of a wanted field is
     * also kept as a tree.
     */
    void copyObjectCapturing(JsonParser parser, JsonGenerator generator, Set<String> treeFields,
                             ObjectNode fields) {
        generator.writeStartObject();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            generator.writeName(name);
            parser.nextToken();
            copyMember(parser, generator, name, treeFields, fields);
        }
        generator.writeEndObject();
    }

    /**
     * Copies the value the parser is at, which it consumes, token by token with every number as its
     * text: Jackson's own exact copy writes a decimal through {@code BigDecimal}, so that {@code 1.0E20}
     * came back as {@code 1.0E+20}, and a record read back must be the bytes that were written.
     */
    static void copyExactly(JsonParser parser, JsonGenerator generator) {
        int depth = 0;
        do {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                generator.writeNumber(parser.getString());
            } else {
                generator.copyCurrentEvent(parser);
            }
            depth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
        } while (depth > 0 && parser.nextToken() != null);
    }

    /** Copies the value the parser is at, exactly; when {@code name} is a wanted field, also as a tree. */
    void copyMember(JsonParser parser, JsonGenerator generator, String name, Set<String> treeFields,
                    ObjectNode fields) {
        if (!treeFields.contains(name)) {
            copyExactly(parser, generator);
            return;
        }
        JsonNode scalar = scalarNode(parser, nodes);
        if (scalar != null) {
            fields.set(name, scalar);
            copyExactly(parser, generator);
        } else {
            byte[] value = copyOfValue(parser);
            generator.writeRawValue(new String(value, StandardCharsets.UTF_8));
            fields.set(name, mapper.readTree(value)); // the mapper's features apply, as in parse()
        }
    }

    /** The exact compact bytes of the value the parser is at (an array, object or float), which it consumes. */
    byte[] copyOfValue(JsonParser parser) {
        ByteArrayOutputStream value = new ByteArrayOutputStream(64);
        try (JsonGenerator generator = streams.createGenerator(ObjectWriteContext.empty(), value)) {
            copyExactly(parser, generator);
        }
        return value.toByteArray();
    }

    /**
     * The node of a string, integer, boolean or null token, made without parsing the value again;
     * {@code null} for any other token, whose tree the mapper must build (floats follow its decimal
     * features). Indexed fields are mostly such scalars.
     */
    static @Nullable JsonNode scalarNode(JsonParser parser, JsonNodeFactory factory) {
        return switch (parser.currentToken()) {
            case VALUE_STRING -> factory.stringNode(parser.getString());
            case VALUE_TRUE -> factory.booleanNode(true);
            case VALUE_FALSE -> factory.booleanNode(false);
            case VALUE_NULL -> factory.nullNode();
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> factory.numberNode(parser.getIntValue());
                case LONG -> factory.numberNode(parser.getLongValue());
                default -> factory.numberNode(parser.getBigIntegerValue());
            };
            default -> null;
        };
    }

    /** A record as compact JSON, plus trees of the top-level fields that were asked for. */
    public record CompactRecord(byte[] bytes, ObjectNode fields) {
    }

    /** A plain Java object as an object tree; fails when it does not map to a JSON object. */
    public ObjectNode toObjectNode(Object value) {
        JsonNode node = toTree(value);
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("A record must map to a JSON object, but "
                    + (value == null ? "null" : value.getClass().getName()) + " maps to " + (node == null ? "null" : node.getNodeType()));
        }
        return (ObjectNode) node;
    }

    /** Any value as a tree; {@code null} becomes a JSON null. */
    public JsonNode toTree(@Nullable Object value) {
        if (value instanceof JsonNode json) {
            return json;
        }
        try {
            return mapper.valueToTree(value);
        } catch (StreamConstraintsException e) {
            throw new InvalidRecordException("Cannot turn " + value.getClass().getName()
                    + " into JSON within the mapper's write limits: " + e.getOriginalMessage() + ". Nothing was changed.",
                    "maxNestingDepth");
        }
    }

    /** Binds compact bytes to a Java type. */
    public <T> T read(byte[] bytes, Class<T> type) {
        return mapper.readValue(bytes, type);
    }
}
