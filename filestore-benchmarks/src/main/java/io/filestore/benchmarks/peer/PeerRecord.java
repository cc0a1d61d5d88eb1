package io.filestore.benchmarks.peer;

import java.nio.charset.StandardCharsets;

import io.filestore.FileStoreOptions;
import io.filestore.benchmarks.Records;
import tools.jackson.databind.node.ObjectNode;

/**
 * One benchmark record as every peer receives it: the id, the compact JSON text (about 300 bytes,
 * the same bytes FileStore keeps) and the two fields the peers index, {@code email} (unique) and
 * {@code age} (for the range query). The tree is kept for stores that take fields, not text.
 *
 * @param id   the record's id, {@link Records#id(int)}
 * @param json compact JSON of {@code tree}
 * @param email the unique email
 * @param age  the age, 18..77
 * @param tree the record as a tree; callers must not change it
 */
public record PeerRecord(String id, String json, String email, int age, ObjectNode tree) {

    /** Record {@code i} of {@link Records}. */
    public static PeerRecord of(int i) {
        return of(Records.id(i), Records.record(i));
    }

    /** Record {@code i} with its {@code age} replaced, as an update writes it. */
    public static PeerRecord withAge(int i, int age) {
        return of(i).withAge(age);
    }

    /**
     * This record with {@code age} instead of its own: a text replacement and a tree copy, cheaper
     * than building and encoding a record, so that an update loop measures the store.
     */
    public PeerRecord withAge(int newAge) {
        ObjectNode changed = tree.deepCopy();
        changed.put("age", newAge);
        return new PeerRecord(id, json.replace("\"age\":" + age + ",", "\"age\":" + newAge + ","), email, newAge,
                changed);
    }

    /**
     * This record's fields as record {@code i}: its id and unique email, the rest of this record.
     * Distinct records for an insert loop from a few templates, as cheaply as {@link #withAge(int)}.
     */
    public PeerRecord asRecord(int i) {
        String newEmail = Records.email(i);
        ObjectNode changed = tree.deepCopy();
        changed.put("email", newEmail);
        String newJson = json.replace("\"email\":\"" + email + "\"", "\"email\":\"" + newEmail + "\"");
        return new PeerRecord(Records.id(i), newJson, newEmail, age, changed);
    }

    private static PeerRecord of(String id, ObjectNode tree) {
        byte[] json = FileStoreOptions.defaultJsonMapper().writeValueAsBytes(tree);
        return new PeerRecord(id, new String(json, StandardCharsets.UTF_8), tree.get("email").stringValue(),
                tree.get("age").intValue(), tree);
    }
}
