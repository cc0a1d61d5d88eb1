package io.filestore.data.convert;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.data.core.TypeInformation;

import tools.jackson.core.JsonGenerator;
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
        return mapper.treeToValue(node, mapper.getTypeFactory().constructType(type.toTypeDescriptor().getResolvableType().getType()));
    }

    Object read(JsonNode node, Class<?> type) {
        return mapper.treeToValue(node, type);
    }

    /** The Java type a JSON scalar reads as by itself (what a reading converter starts from); null for containers. */
    Class<?> javaTypeOf(JsonNode node) {
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
    private static final class FixedWidth<T extends java.time.temporal.TemporalAccessor> extends StdSerializer<T> {
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
