package io.filestore.internal.json;

import java.util.Set;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads a few top-level fields of a record without a tree of the whole record: for a scan that needs them only, such as a sort's. */
public final class TopLevelFields {

    private TopLevelFields() {
    }

    /**
     * An object of only the named top-level fields of a record {@code json} wrote (absent ones absent; with
     * duplicate names the last wins, as when parsing), skipping the others. A token stream without the
     * mapper's databind contexts, as for a copy: a tree is made only of a wanted field that is not a
     * scalar, from its own bytes (floats then follow the mapper's features).
     */
    public static ObjectNode parse(Json json, byte[] bytes, Set<String> names) {
        ObjectNode fields = json.fieldsNode(names.size());
        try (JsonParser parser = json.streams().createParser(ObjectReadContext.empty(), bytes)) {
            parser.nextToken(); // the record's START_OBJECT
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (!names.contains(name)) {
                    parser.skipChildren();
                    continue;
                }
                JsonNode scalar = Json.scalarNode(parser, json.mapper().getNodeFactory());
                fields.set(name, scalar != null ? scalar : json.mapper().readTree(json.copyOfValue(parser)));
            }
        }
        return fields;
    }
}
