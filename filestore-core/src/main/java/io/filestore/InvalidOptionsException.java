package io.filestore;

import java.util.List;

/**
 * An option of the store or of a collection has a value FileStore cannot use. The message names
 * the option, the value and the allowed values; the Spring layer turns it into a startup failure
 * that names the property to fix.
 */
public class InvalidOptionsException extends FileStoreException {

    private final String option;
    private final String value;
    private final List<String> allowed;

    public InvalidOptionsException(String option, Object value, String allowed) {
        this(option, value, List.of(allowed));
    }

    public InvalidOptionsException(String option, Object value, List<String> allowed) {
        super("Invalid value '" + value + "' for " + option + "; allowed: " + String.join(", ", allowed));
        this.option = option;
        this.value = String.valueOf(value);
        this.allowed = List.copyOf(allowed);
    }

    /** The option, as a dotted name ({@code collections.users.strategy}). */
    public String option() {
        return option;
    }

    /** The refused value, as text. */
    public String value() {
        return value;
    }

    /** What would have been accepted. */
    public List<String> allowed() {
        return allowed;
    }
}
