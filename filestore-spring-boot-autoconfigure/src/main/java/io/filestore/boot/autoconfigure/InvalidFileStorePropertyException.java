package io.filestore.boot.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.filestore.FileStoreException;

/**
 * A {@code filestore.*} property has a value FileStore cannot use (a data folder it cannot write
 * included), or is a key FileStore does not read. Names the property, the value, where it was set when
 * known, and what is allowed; {@link InvalidFileStorePropertyFailureAnalyzer} turns it into the startup
 * failure report.
 */
public class InvalidFileStorePropertyException extends FileStoreException {

    private final String property;
    private final String value;
    private final List<String> allowed;
    private final String action;

    private InvalidFileStorePropertyException(String description, String property, @Nullable Object value,
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
     *
     * @param closest the accepted key it is one or two letters from, or {@code null}
     */
    static InvalidFileStorePropertyException unknownCollectionKey(String property, Object value, String closest,
                                                                  List<String> allowedKeys, String origin) {
        String action = "Remove or rename '" + property + "'." + didYouMean(closest)
                + " A collection accepts these keys: " + String.join(", ", allowedKeys) + ".";
        return new InvalidFileStorePropertyException(unknown(property, value, origin), property, value, allowedKeys,
                action, null);
    }

    /**
     * A key FileStore does not know under {@code filestore.}, which Spring's binder would otherwise
     * ignore without a word, leaving the default in force.
     *
     * @param closest the known key it is one or two letters from, or {@code null}
     * @param known   every key FileStore reads
     */
    static InvalidFileStorePropertyException unknownKey(String property, Object value, String closest,
                                                        List<String> known, String origin) {
        String action = "Remove or rename '" + property + "'." + didYouMean(closest) + " FileStore reads these keys: "
                + String.join(", ", known) + ".";
        return new InvalidFileStorePropertyException(unknown(property, value, origin), property, value, known, action, null);
    }

    /**
     * A data folder the store cannot use: a file, inside a file, or not writable.
     *
     * @param problem what is wrong, as the end of a sentence about the folder ("is a file, not a folder")
     * @param remedy  what else fixes it ("move the file away")
     */
    static InvalidFileStorePropertyException unusableDataDir(String property, Object value, String problem,
                                                             String remedy, String origin, Throwable cause) {
        String description = "The data folder '" + value + "' of property '" + property + "'" + from(origin) + " "
                + problem + ".";
        String action = "Set '" + property + "' to a folder this process can create and write, or " + remedy + ".";
        return new InvalidFileStorePropertyException(description, property, value, List.of("a writable folder"), action,
                cause);
    }

    /**
     * A property whose value (or absence) does not fit the rest of the configuration, such as
     * {@code filestore.shared.enabled=true} without the module it needs.
     *
     * @param problem what is wrong, as the end of a sentence about the property ("is not set, and ...")
     */
    static InvalidFileStorePropertyException missing(String property, @Nullable Object value, String problem,
                                                     String action, List<String> allowed, @Nullable String origin) {
        String description = "Property '" + property + "'" + from(origin) + " " + problem + ".";
        return new InvalidFileStorePropertyException(description, property, value, allowed, action, null);
    }

    private static String unknown(String property, Object value, String origin) {
        return "Unknown property '" + property + "' (value '" + value + "')" + from(origin) + ".";
    }

    private static String didYouMean(@Nullable String closest) {
        return closest == null ? "" : " Did you mean '" + closest + "'?";
    }

    private static String from(@Nullable String origin) {
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
