package io.filestore.internal.json;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.filestore.InvalidOptionsException;
import io.filestore.InvalidRecordException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one set of limits for the store's own JSON, checked on the way in, so that whatever a write
 * accepted reads back through every path: {@code get}, typed reads, every file layout, log replay and
 * index files. All of those parse with the store's mapper, so the limits are its
 * {@link StreamReadConstraints}, with one level of nesting kept back for the layouts that wrap a
 * record (a single-file JSON object, a JSON Lines envelope, {@code _values.json}):
 * <ul>
 *   <li>nesting depth: at most {@code maxNestingDepth - 1} levels (499 with Jackson's defaults; the
 *       record object itself is level 1);</li>
 *   <li>numbers: at most {@code maxNumberLength} digits (1,000), counting integer, fraction and
 *       exponent digits; {@code NaN} and {@code Infinity} are refused, since JSON has no such numbers;</li>
 *   <li>member names: at most {@code maxNameLength} bytes of UTF-8 (50,000);</li>
 *   <li>strings: at most {@code maxStringLength} UTF-16 characters (100,000,000);</li>
 *   <li>strings and names: well-formed UTF-16 (no lone surrogate, which the parser refuses);</li>
 *   <li>the whole record or value: at most {@link #MAX_RECORD_SIZE} bytes of compact UTF-8 JSON.</li>
 * </ul>
 * A mapper given in the options with other read constraints moves the limits with them. Immutable and
 * thread-safe.
 */
public final class JsonLimits {

    /** The largest record or global value, as compact UTF-8 JSON: 16 MiB. */
    public static final int MAX_RECORD_SIZE = 16 * 1024 * 1024;

    /** Nesting levels kept back for the file layouts that wrap a record in one more object. */
    static final int WRAPPING_LEVELS = 1;

    private final int maxDepth;
    private final int maxNumberLength;
    private final int maxNameBytes;
    private final int maxStringLength;

    JsonLimits(StreamReadConstraints read) {
        this.maxDepth = read.getMaxNestingDepth() - WRAPPING_LEVELS;
        this.maxNumberLength = read.getMaxNumberLength();
        this.maxNameBytes = read.getMaxNameLength();
        this.maxStringLength = read.getMaxStringLength();
    }

    /**
     * Refuses a mapper that could not read the store's own files back whatever their records: one whose
     * read constraints limit a document's length or token count (a one-file collection is one document).
     *
     * @throws io.filestore.InvalidOptionsException naming the constraint
     */
    public static void checkReadableFiles(JsonMapper mapper) {
        StreamReadConstraints read = mapper.tokenStreamFactory().streamReadConstraints();
        if (read.hasMaxDocumentLength() || read.hasMaxTokenCount()) {
            throw new InvalidOptionsException("jsonMapper", "StreamReadConstraints(maxDocumentLength="
                    + read.getMaxDocumentLength() + ", maxTokenCount=" + read.getMaxTokenCount() + ")",
                    "a mapper whose read constraints leave the document length and token count unlimited"
                            + " (a one-file collection is one document)");
        }
        if (read.getMaxNestingDepth() <= WRAPPING_LEVELS + 1) {
            throw new InvalidOptionsException("jsonMapper", "StreamReadConstraints(maxNestingDepth="
                    + read.getMaxNestingDepth() + ")", "a nesting depth of at least " + (WRAPPING_LEVELS + 2));
        }
    }

    /** The deepest nesting a record or value may have (an object or array is one level). */
    public int maxNestingDepth() {
        return maxDepth;
    }

    /** The most digits a number may have. */
    public int maxNumberLength() {
        return maxNumberLength;
    }

    /** The most UTF-8 bytes a member name may have. */
    public int maxNameLength() {
        return maxNameBytes;
    }

    /** The most UTF-16 characters a string may have. */
    public int maxStringLength() {
        return maxStringLength;
    }

    /**
     * Checks a tree before it is stored.
     *
     * @param collection the collection, or {@code null} for a global value; named in the message
     * @param id         the record's id or the value's key; named in the message
     * @throws InvalidRecordException naming the limit, where it was broken, and the value's size
     */
    public void check(JsonNode tree, String collection, String id) {
        try {
            check(tree, 1);
        } catch (Breach breach) {
            throw refused(collection, id, breach.limit, String.join("", breach.path), breach.problem);
        }
    }

    /**
     * Checks the compact bytes of a checked tree.
     *
     * @throws InvalidRecordException when they are longer than {@link #MAX_RECORD_SIZE}
     */
    public void checkSize(byte[] compact, String collection, String id) {
        if (compact.length > MAX_RECORD_SIZE) {
            throw refused(collection, id, "maxRecordSize", "", "it takes " + compact.length
                    + " bytes as compact JSON; the limit is " + MAX_RECORD_SIZE);
        }
    }

    private void check(JsonNode node, int depth) {
        if (node.isContainer() && depth > maxDepth) {
            throw new Breach("maxNestingDepth", "it nests deeper than " + maxDepth + " levels");
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                try {
                    checkName(member.getKey());
                    check(member.getValue(), depth + 1);
                } catch (Breach breach) {
                    throw breach.at((depth == 1 ? "" : ".") + abbreviate(member.getKey()));
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                try {
                    check(node.get(i), depth + 1);
                } catch (Breach breach) {
                    throw breach.at("[" + i + "]");
                }
            }
        } else if (node.isString()) {
            checkStringLength(node.stringValue().length());
            checkWellFormed(node.stringValue(), "a string");
        } else if (node.isBinary()) {
            checkStringLength(((long) node.binaryValue().length + 2) / 3 * 4); // written as base64
        } else if (node.isNumber()) {
            checkNumber(node);
        }
    }

    private void checkStringLength(long length) {
        if (length > maxStringLength) {
            throw new Breach("maxStringLength", "a string of " + length + " characters; the limit is " + maxStringLength);
        }
    }

    private void checkName(String name) {
        checkWellFormed(name, "a member name");
        // a name of n characters takes at most 3n bytes of UTF-8: count them only when that could matter
        if ((long) name.length() * 3 <= maxNameBytes) {
            return;
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxNameBytes) {
            throw new Breach("maxNameLength", "a member name of " + bytes + " bytes of UTF-8; the limit is " + maxNameBytes);
        }
    }

    /** Refuses a lone surrogate: the parser refuses it when the text is read back. */
    private static void checkWellFormed(String text, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    throw new Breach("wellFormedText", what + " with a lone surrogate (\\u" + Integer.toHexString(c)
                            + " at index " + i + "), which JSON text cannot carry");
                }
                i++;
            }
        }
    }

    private void checkNumber(JsonNode node) {
        if (node.isDouble() || node.isFloat()) {
            double value = node.doubleValue();
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw new Breach("finiteNumbers", value + " is not a JSON number");
            }
        } else if (node.isBigInteger()) {
            // log10(2) < 0.302: fewer bits than this cannot make too many digits
            if (node.bigIntegerValue().bitLength() * 0.302 >= maxNumberLength) {
                checkDigits(node.bigIntegerValue().abs().toString());
            }
        } else if (node.isBigDecimal()) {
            BigDecimal value = node.decimalValue();
            if (value.precision() + 12 >= maxNumberLength) { // an exponent adds at most 10 digits
                checkDigits(value.toString());
            }
        }
    }

    /** Counts digits as the parser does: those of the integer, fraction and exponent parts. */
    private void checkDigits(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                digits++;
            }
        }
        if (digits > maxNumberLength) {
            throw new Breach("maxNumberLength", "a number of " + digits + " digits; the limit is " + maxNumberLength);
        }
    }

    private static InvalidRecordException refused(@Nullable String collection, String id, String limit, String path, String problem) {
        String what = collection == null ? "global value '" + id + "'" : "record '" + id + "' of collection '" + collection + "'";
        String where = path.isEmpty() ? "" : " at \"" + abbreviate(path) + "\"";
        return new InvalidRecordException("Cannot store " + what + ": " + problem + where + " (FileStore's JSON limit "
                + limit + ", so that it reads back from every file and the log). Nothing was changed.", limit);
    }

    /** A broken limit on its way up the tree, collecting the path; no stack trace, as it never leaves this class. */
    private static final class Breach extends RuntimeException {
        private final String limit;
        private final String problem;
        private final ArrayDeque<String> path = new ArrayDeque<>();

        Breach(String limit, String problem) {
            super(problem, null, false, false);
            this.limit = limit;
            this.problem = problem;
        }

        Breach at(String segment) {
            path.addFirst(segment);
            return this;
        }
    }

    private static String abbreviate(String path) {
        return path.length() <= 120 ? path : path.substring(0, 60) + "..." + path.substring(path.length() - 40);
    }
}
