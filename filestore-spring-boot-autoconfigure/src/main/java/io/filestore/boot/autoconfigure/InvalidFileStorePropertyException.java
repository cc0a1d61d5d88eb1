package io.filestore.boot.autoconfigure;

import java.util.List;

import io.filestore.FileStoreException;

/**
 * A {@code filestore.*} property has a value FileStore cannot use, or a collection has a key it does
 * not know. Names the property, the value, where it was set when known, and what is allowed;
 * {@link InvalidFileStorePropertyFailureAnalyzer} turns it into the startup failure report.
 */
public class InvalidFileStorePropertyException extends FileStoreException {

    private final String property;
    private final String value;
    private final List<String> allowed;
    private final String action;

    private InvalidFileStorePropertyException(String description, String property, Object value,
                                              List<String> allowed, String action, Throwable cause) {
        super(description, cause);
        this.property = property;
        this.value = String.valueOf(value);
        this.allowed = List.copyOf(allowed);
        this.action = action;
    }

    /**
     * A value that is not allowed.
     *
     * @param origin where the value was set (such as {@code class path resource [application.yml] - 4:15}), or {@code null}
     */
    static InvalidFileStorePropertyException invalidValue(String property, Object value, List<String> allowed,
                                                          String origin, Throwable cause) {
        String description = "Invalid value '" + value + "' for property '" + property + "'" + from(origin) + ".";
        String action = "Update '" + property + "' in your configuration. Allowed: " + String.join(", ", allowed) + ".";
        return new InvalidFileStorePropertyException(description, property, value, allowed, action, cause);
    }

    /**
     * A key FileStore does not know under {@code filestore.collections.<name>}, which Spring's binder
     * would otherwise ignore without a word.
     */
    static InvalidFileStorePropertyException unknownKey(String property, Object value, List<String> allowedKeys,
                                                        String origin) {
        String description = "Unknown property '" + property + "' (value '" + value + "')" + from(origin) + ".";
        String action = "Remove or rename '" + property + "'. A collection accepts these keys: "
                + String.join(", ", allowedKeys) + ".";
        return new InvalidFileStorePropertyException(description, property, value, allowedKeys, action, null);
    }

    private static String from(String origin) {
        return origin == null ? "" : " (from " + origin + ")";
    }

    /** The full property name, such as {@code filestore.collections.users.strategy}. */
    public String property() {
        return property;
    }

    /** The refused value, as text. */
    public String value() {
        return value;
    }

    /** The allowed values, or for an unknown key the allowed keys. */
    public List<String> allowed() {
        return allowed;
    }

    /** What to do about it, for the failure report. */
    public String action() {
        return action;
    }
}
