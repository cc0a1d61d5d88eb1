package io.filestore;

/**
 * A record id, value key or collection name that FileStore refuses, because it is empty, too long,
 * contains control characters or is not well-formed UTF-16 (a lone surrogate). Nothing was changed.
 */
public class InvalidIdException extends FileStoreException {

    private final String id;

    public InvalidIdException(String id, String reason) {
        super("Invalid id " + printable(id) + ": " + reason);
        this.id = id;
    }

    /** The refused id as given (may contain control characters). */
    public String id() {
        return id;
    }

    private static String printable(String id) {
        if (id == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        id.codePoints().limit(80).forEach(c -> {
            if (Character.isISOControl(c) || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append(id.length() > 80 ? "...\"" : "\"").toString();
    }
}
