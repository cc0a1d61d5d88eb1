package io.filestore;

/** A write would give two records the same value of a unique field. The write changed nothing. */
public class UniqueConstraintException extends FileStoreException {

    private final String collection;
    private final String field;
    private final Object key;
    private final String existingId;

    public UniqueConstraintException(String collection, String field, Object key, String existingId, String newId) {
        super("Unique constraint on " + collection + "." + field + " violated: value " + key
                + " is already used by record '" + existingId + "', cannot also give it to record '" + newId + "'");
        this.collection = collection;
        this.field = field;
        this.key = key;
        this.existingId = existingId;
    }

    /** The collection of the unique field. */
    public String collection() {
        return collection;
    }

    /** The unique field path. */
    public String field() {
        return field;
    }

    /** The duplicated value (a String, Long, Double or Boolean). */
    public Object key() {
        return key;
    }

    /** The record that holds the value already. */
    public String existingId() {
        return existingId;
    }
}
