package io.filestore.internal.json;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;

import io.filestore.CorruptedFileException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.databind.node.ObjectNode;

/**
 * The lines of FileStore's JSON Lines record files, written and read. Each line is an envelope, so
 * that no record can be taken for one of the store's own lines:
 * <ul>
 *   <li>{@code {"key":"u1","record":{...}}}: the record of id {@code u1}, byte for byte as it was put;</li>
 *   <li>{@code {"key":"u1","deleted":true}}: {@code u1} was deleted (append-only logs);</li>
 *   <li>{@code {"flush":42}}: the lines after it, up to the next such line, were appended by one flush
 *       that is complete once the write-ahead log's checkpoint reaches 42 (append-only logs).</li>
 * </ul>
 * Lines written before the envelope ({@code {"id":"u1",...the record's other members}}, a deletion
 * {@code {"id":"u1","_deleted":true}} and nothing else) keep that meaning: a line is read as an envelope
 * or a flush mark only when its first member is {@code key} or {@code flush} and it has exactly that
 * shape; any other line is read the old way. Thread-safe.
 */
public final class RecordLines {

    /** The id of the record a line is about. */
    public static final String KEY = "key";
    /** The record itself, an object. */
    public static final String RECORD = "record";
    /** {@code true} on a deletion line. */
    public static final String DELETED = "deleted";
    /** The sequence on a flush mark. */
    public static final String FLUSH = "flush";
    /** The key of a line written before the envelope. */
    public static final String LEGACY_ID = "id";
    /** The deletion mark of a line written before the envelope. */
    public static final String LEGACY_DELETED = "_deleted";

    private static final byte[] FLUSH_PREFIX = ("{\"" + FLUSH + "\":").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEY_PREFIX = ("{\"" + KEY + "\":").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RECORD_INFIX = (",\"" + RECORD + "\":").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DELETED_SUFFIX = (",\"" + DELETED + "\":true}\n").getBytes(StandardCharsets.US_ASCII);

    /** What a line says. */
    public enum Kind { RECORD, DELETION, FLUSH_MARK }

    /**
     * A line read: its kind; the key of a record or deletion; a record's compact bytes and trees of the
     * top-level fields asked for; a flush mark's sequence.
     */
    public record Line(Kind kind, String key, byte[] bytes, ObjectNode fields, long sequence) {
    }

    private final Json json;

    public RecordLines(Json json) {
        this.json = json;
    }

    /**
     * The line of a record, with its newline; the record's compact bytes go in unchanged (re-compacted
     * only if a mapper that indents left line breaks in them).
     */
    public byte[] recordLine(String key, byte[] record) {
        byte[] body = hasLineBreak(record) ? recompact(record) : record;
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + key.length() + 24);
        out.writeBytes(KEY_PREFIX);
        writeString(key, out);
        out.writeBytes(RECORD_INFIX);
        out.writeBytes(body);
        out.write('}');
        out.write('\n');
        return out.toByteArray();
    }

    /** The line that deletes a record, with its newline. */
    public byte[] deletionLine(String key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(key.length() + 32);
        out.writeBytes(KEY_PREFIX);
        writeString(key, out);
        out.writeBytes(DELETED_SUFFIX);
        return out.toByteArray();
    }

    /** The flush mark of {@code sequence}, with its newline. */
    public static byte[] flushLine(long sequence) {
        return ("{\"" + FLUSH + "\":" + sequence + "}\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Whether {@code content[from, to)} is the start of a flush mark cut short: all of it, or a part of
     * <code>{"flush":</code> followed by nothing but digits. Such bytes hold no record.
     */
    public static boolean isCutFlushMark(byte[] content, int from, int to) {
        int i = from;
        for (; i < to && i - from < FLUSH_PREFIX.length; i++) {
            if (content[i] != FLUSH_PREFIX[i - from]) {
                return false;
            }
        }
        for (; i < to; i++) {
            if (content[i] < '0' || content[i] > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads the line in {@code content[offset, offset + length)} (without its newline) to compact record
     * bytes, with trees of only the {@code treeFields} of the record, without a tree of the whole line.
     *
     * @throws CorruptedFileException at {@code offset} when the slice is not one line of this format
     */
    public Line parse(byte[] content, int offset, int length, Path file, Set<String> treeFields) {
        try {
            return read(content, offset, length, file, treeFields, false);
        } catch (NotThatShape notAnEnvelope) {
            try {
                return read(content, offset, length, file, treeFields, true);
            } catch (CorruptedFileException neitherTheOldWay) {
                throw new CorruptedFileException(file, offset, notAnEnvelope.getMessage());
            }
        }
    }

    /** One pass over the line; {@code legacyOnly} reads it the old way whatever its first member. */
    private Line read(byte[] content, int offset, int length, Path file, Set<String> treeFields, boolean legacyOnly) {
        try (JsonParser parser = json.streams().createParser(ObjectReadContext.empty(), content, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new CorruptedFileException(file, offset, "not a JSON object");
            }
            String first = parser.nextToken() == JsonToken.PROPERTY_NAME ? parser.currentName() : "";
            Line line;
            if (!legacyOnly && first.equals(KEY)) {
                line = envelope(parser, treeFields);
            } else if (!legacyOnly && first.equals(FLUSH)) {
                line = flushMark(parser);
            } else {
                line = legacy(parser, file, offset, treeFields);
            }
            if (parser.nextToken() != null) {
                throw new CorruptedFileException(file, offset, "unexpected content after the JSON object");
            }
            return line;
        } catch (JacksonException e) {
            throw new CorruptedFileException(file, offset, "not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** {@code {"key":"u1","record":{...}}} or {@code {"key":"u1","deleted":true}}, the parser at {@code key}. */
    private Line envelope(JsonParser parser, Set<String> treeFields) {
        if (parser.nextToken() != JsonToken.VALUE_STRING) {
            throw new NotThatShape("\"" + KEY + "\" is not a string");
        }
        String key = parser.getString();
        String second = parser.nextToken() == JsonToken.PROPERTY_NAME ? parser.currentName() : "";
        JsonToken value = parser.nextToken();
        Line line;
        if (second.equals(RECORD) && value == JsonToken.START_OBJECT) {
            ObjectNode fields = json.fieldsNode(treeFields.size());
            line = new Line(Kind.RECORD, key, copyObject(parser, treeFields, fields), fields, 0);
        } else if (second.equals(DELETED) && value == JsonToken.VALUE_TRUE) {
            line = new Line(Kind.DELETION, key, null, null, 0);
        } else {
            throw new NotThatShape("\"" + KEY + "\" is followed by neither \"" + RECORD + "\" (an object) nor \""
                    + DELETED + "\": true");
        }
        if (parser.nextToken() != JsonToken.END_OBJECT) {
            throw new NotThatShape("a line of \"" + KEY + "\" has a member after \"" + second + "\"");
        }
        return line;
    }

    /** {@code {"flush":42}}, the parser at {@code flush}. */
    private static Line flushMark(JsonParser parser) {
        if (parser.nextToken() != JsonToken.VALUE_NUMBER_INT
                || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw new NotThatShape("\"" + FLUSH + "\" is not a sequence number");
        }
        long sequence = parser.getLongValue();
        if (parser.nextToken() != JsonToken.END_OBJECT) {
            throw new NotThatShape("a flush mark has a member after \"" + FLUSH + "\"");
        }
        return new Line(Kind.FLUSH_MARK, null, null, null, sequence);
    }

    /**
     * A line written before the envelope, the parser at its first member (or its end): every member but
     * {@code id} is the record (with duplicate ids the last wins, as when parsing); a line of only the id
     * and {@code "_deleted":true} is a deletion.
     */
    private Line legacy(JsonParser parser, Path file, int offset, Set<String> treeFields) {
        ReusableBuffer out = ReusableBuffer.forThisThread();
        ObjectNode fields = json.fieldsNode(treeFields.size());
        String key = null;
        int members = 0;
        boolean deletedMark = false;
        try (JsonGenerator generator = json.streams().createGenerator(ObjectWriteContext.empty(), out)) {
            generator.writeStartObject();
            while (parser.currentToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (name.equals(LEGACY_ID)) {
                    key = parser.currentToken() == JsonToken.VALUE_STRING ? parser.getString() : null;
                    parser.skipChildren();
                } else {
                    members++;
                    if (name.equals(LEGACY_DELETED)) {
                        deletedMark = parser.currentToken() == JsonToken.VALUE_TRUE;
                    }
                    generator.writeName(name);
                    json.copyMember(parser, generator, name, treeFields, fields);
                }
                parser.nextToken();
            }
            generator.writeEndObject();
        }
        if (key == null) {
            throw new CorruptedFileException(file, offset, "not a JSON object with a string \"" + LEGACY_ID + "\"");
        }
        return members == 1 && deletedMark
                ? new Line(Kind.DELETION, key, null, null, 0)
                : new Line(Kind.RECORD, key, out.toByteArray(), fields, 0);
    }

    /** The exact compact bytes of the object the parser is at, with trees of the wanted fields. */
    private byte[] copyObject(JsonParser parser, Set<String> treeFields, ObjectNode fields) {
        ReusableBuffer out = ReusableBuffer.forThisThread();
        try (JsonGenerator generator = json.streams().createGenerator(ObjectWriteContext.empty(), out)) {
            if (treeFields.isEmpty()) {
                Json.copyExactly(parser, generator);
            } else {
                json.copyObjectCapturing(parser, generator, treeFields, fields);
            }
        }
        return out.toByteArray();
    }

    private void writeString(String value, ByteArrayOutputStream out) {
        try (JsonGenerator generator = json.streams().createGenerator(ObjectWriteContext.empty(), out)) {
            generator.writeString(value);
        }
    }

    private static boolean hasLineBreak(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '\n' || b == '\r') {
                return true;
            }
        }
        return false;
    }

    private byte[] recompact(byte[] record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(record.length);
        try (JsonParser parser = json.streams().createParser(ObjectReadContext.empty(), record);
             JsonGenerator generator = json.streams().createGenerator(ObjectWriteContext.empty(), out)) {
            parser.nextToken();
            Json.copyExactly(parser, generator);
        }
        return out.toByteArray();
    }

    /** A line that begins as an envelope or a flush mark but does not have its shape. */
    private static final class NotThatShape extends RuntimeException {
        NotThatShape(String problem) {
            super(problem, null, false, false);
        }
    }
}
