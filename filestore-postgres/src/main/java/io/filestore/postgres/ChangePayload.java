package io.filestore.postgres;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.filestore.spi.SharedChange;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A change entry's payload as JSON: {@code {"entries":[{"c":collection,"id":id,"doc":"{...}"}, ...]}},
 * {@code c} absent for a global value and {@code doc} null for a delete. Each document goes in as a JSON
 * string holding its exact compact text, and comes out as those very bytes: a document read back on any
 * instance is byte for byte the one written (its key order, its numbers' form), which a nested JSON value
 * would not be once PostgreSQL or a parser had normalized it.
 */
final class ChangePayload {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ChangePayload() {
    }

    static String encode(SharedChange change) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = MAPPER.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeArrayPropertyStart("entries");
            for (SharedChange.Entry entry : change.entries()) {
                generator.writeStartObject();
                if (entry.collection() != null) {
                    generator.writeStringProperty("c", entry.collection());
                }
                generator.writeStringProperty("id", entry.id());
                generator.writeName("doc");
                if (entry.document() == null) {
                    generator.writeNull();
                } else {
                    generator.writeString(new String(entry.document(), StandardCharsets.UTF_8));
                }
                generator.writeEndObject();
            }
            generator.writeEndArray();
            generator.writeEndObject();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static SharedChange decode(long sequence, UUID transactionId, String payload) {
        JsonNode root = MAPPER.readTree(payload);
        List<SharedChange.Entry> entries = new ArrayList<>();
        for (JsonNode entry : root.path("entries")) {
            JsonNode doc = entry.get("doc");
            String collection = entry.has("c") ? entry.get("c").asString() : null;
            entries.add(new SharedChange.Entry(collection, entry.get("id").asString(),
                    doc == null || doc.isNull() ? null : doc.asString().getBytes(StandardCharsets.UTF_8)));
        }
        return new SharedChange(sequence, transactionId, entries);
    }

    /** A document as read from its table's {@code json} column: the exact text written, as bytes. */
    static byte[] document(String storedText) {
        return storedText.getBytes(StandardCharsets.UTF_8);
    }
}
