package io.filestore.postgres;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import io.filestore.FileStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A digest of every record of some collections, from a store's memory or from the tables, over a
 * canonical form (keys sorted), so that it says whether the same records are there, whatever their text.
 */
final class Digests {

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private Digests() {
    }

    static String ofStore(FileStore store, String... collections) {
        Map<String, String> all = new TreeMap<>();
        for (String collection : collections) {
            store.collection(collection).forEach((id, record) -> all.put(collection + "/" + id, canonical(record)));
        }
        return digest(all);
    }

    static String ofTables(Connection connection, String... collections) throws Exception {
        Map<String, String> all = new TreeMap<>();
        for (String collection : collections) {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select id, doc::text from "
                         + PostgresSchema.quoted(PostgresSchema.tableOf(collection)))) {
                while (rows.next()) {
                    all.put(collection + "/" + rows.getString(1), canonical(CANONICAL.readTree(rows.getString(2))));
                }
            }
        }
        return digest(all);
    }

    private static String canonical(JsonNode node) {
        Object tree = CANONICAL.convertValue(node, Object.class);
        return CANONICAL.writeValueAsString(tree);
    }

    private static String digest(Map<String, String> all) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            all.forEach((key, value) -> sha.update((key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8)));
            return all.size() + ":" + HexFormat.of().formatHex(sha.digest());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
