package io.filestore.data.convert;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.data.core.TypeInformation;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Values of JDK types (numbers, text, dates, enums...) as JSON values and back, through the store's
 * Jackson mapper. {@link Instant} and {@link LocalDateTime} are written as ISO-8601 text with a fixed
 * nine-digit fraction ({@code 2026-11-22T09:30:00.000000000Z}), so that comparing the text, as indexes
 * and queries do, orders them in time. Thread-safe.
 */
final class JsonValues {

    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS");

    private final JsonMapper mapper;
    private final Map<TypeInformation<?>, JavaType> javaTypes = new ConcurrentHashMap<>();

    JsonValues(JsonMapper base) {
        SimpleModule temporal = new SimpleModule("filestore-temporal");
        temporal.addSerializer(Instant.class, new FixedWidth<>(Instant.class, INSTANT));
        temporal.addSerializer(LocalDateTime.class, new FixedWidth<>(LocalDateTime.class, LOCAL));
        this.mapper = base.rebuild().addModule(temporal).build();
    }

    JsonMapper mapper() {
        return mapper;
    }

    JsonNode write(Object value) {
        return mapper.valueToTree(value);
    }

    Object read(JsonNode node, TypeInformation<?> type) {
        Object plain = plainValue(node, type.getType());
        if (plain != null) {
            return plain;
        }
        JavaType javaType = javaTypes.computeIfAbsent(type,
                key -> mapper.getTypeFactory().constructType(key.toTypeDescriptor().getResolvableType().getType()));
        return mapper.treeToValue(node, javaType);
    }

    /**
     * Text, booleans and numbers that fit the asked type exactly, read straight from the node: what
     * most properties hold, without a parser and a deserializer lookup per value. {@code null} when
     * Jackson must read it.
     */
    private static @Nullable Object plainValue(JsonNode node, Class<?> type) {
        if (type == String.class) {
            return node.isString() ? node.stringValue() : null;
        }
        if (type == Boolean.class || type == boolean.class) {
            return node.isBoolean() ? node.booleanValue() : null;
        }
        if (!node.isIntegralNumber()) {
            return null;
        }
        if ((type == Integer.class || type == int.class) && node.canConvertToInt()) {
            return node.intValue();
        }
        if ((type == Long.class || type == long.class) && node.canConvertToLong()) {
            return node.longValue();
        }
        return null;
    }

    Object read(JsonNode node, Class<?> type) {
        return mapper.treeToValue(node, type);
    }

    /** The Java type a JSON scalar reads as by itself (what a reading converter starts from); null for containers. */
    @Nullable Class<?> javaTypeOf(JsonNode node) {
        if (node.isString()) {
            return String.class;
        }
        if (node.isBoolean()) {
            return Boolean.class;
        }
        if (node.isNumber()) {
            return node.numberValue().getClass();
        }
        return null;
    }

    /** Writes temporals at a fixed width, so that their text sorts in time. */
    private static final class FixedWidth<T extends TemporalAccessor> extends StdSerializer<T> {
        private final DateTimeFormatter format;

        FixedWidth(Class<T> type, DateTimeFormatter format) {
            super(type);
            this.format = format;
        }

        @Override
        public void serialize(T value, JsonGenerator generator, SerializationContext context) {
            generator.writeString(format.format(value));
        }
    }
}
