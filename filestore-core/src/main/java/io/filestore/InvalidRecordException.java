package io.filestore;

/**
 * A record or global value that FileStore refuses because it could not be read back exactly: it
 * breaks one of the store's JSON limits (nesting, number, name and string lengths: README's "JSON
 * limits"; {@link #limit()} names the one), or holds a number that JSON cannot express ({@code NaN},
 * {@code Infinity}). Nothing was changed.
 */
public class InvalidRecordException extends FileStoreException {

    private final String limit;

    public InvalidRecordException(String message, String limit) {
        super(message);
        this.limit = limit;
    }

    /**
     * The limit that was broken: {@code maxNestingDepth}, {@code maxNumberLength},
     * {@code maxNameLength}, {@code maxStringLength}, {@code maxRecordSize}, {@code wellFormedText} (a lone
     * surrogate in a string or name) or {@code finiteNumbers}.
     */
    public String limit() {
        return limit;
    }
}
