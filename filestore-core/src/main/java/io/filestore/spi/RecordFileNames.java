package io.filestore.spi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.filestore.InvalidIdException;

/**
 * Maps record ids to file names so that no id can name a path outside its collection folder.
 *
 * <p>The policy is encode-or-reject:
 * <ul>
 *   <li><b>Rejected</b> with {@link InvalidIdException}: {@code null}, the empty id, ids containing
 *       control characters (NUL included), ids that are not well-formed UTF-16 (a lone surrogate
 *       has no UTF-8 form, so two such ids could share a file), and ids whose encoded file name would exceed
 *       {@value #MAX_ENCODED_LENGTH} bytes (about 200 plain ASCII characters).</li>
 *   <li><b>Encoded</b>: every other id is stored. Letters, digits and {@code - _ . @ + = ,} stay as
 *       they are; every other byte of the UTF-8 form ({@code /}, {@code \}, {@code %}, spaces,
 *       non-ASCII...) becomes {@code %XX}. A leading or trailing {@code .} is encoded too, so
 *       {@code .} and {@code ..} can never mean a folder, and so is the first letter of a name that
 *       Windows reserves ({@code CON}, {@code NUL}, {@code COM1}...).</li>
 * </ul>
 * So {@code 550e8400-e29b-41d4-a716-446655440000} is stored as {@code 550e8400-e29b-41d4-a716-446655440000.json}
 * and {@code ../etc/passwd} as {@code %2E.%2Fetc%2Fpasswd.json}. Decoding is the exact inverse.
 * Stateless and thread-safe.
 */
public final class RecordFileNames {

    /** The longest encoded file name, extension included, leaving room for temp-file suffixes. */
    public static final int MAX_ENCODED_LENGTH = 220;

    /** The extension of record files. */
    public static final String EXTENSION = ".json";

    private static final Set<String> WINDOWS_RESERVED = Set.of("CON", "PRN", "AUX", "NUL",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private RecordFileNames() {
    }

    /**
     * Checks that an id can be stored.
     *
     * @throws InvalidIdException when the id is rejected by the policy above
     */
    public static void validate(String id) {
        fileName(id);
    }

    /** The file name of the record ({@code <encoded id>.json}). @throws InvalidIdException as {@link #validate} */
    public static String fileName(String id) {
        if (id == null || id.isEmpty()) {
            throw new InvalidIdException(id, "ids must not be null or empty");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isISOControl(c)) {
                throw new InvalidIdException(id, "ids must not contain control characters");
            }
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 == id.length() || !Character.isLowSurrogate(id.charAt(i + 1))) {
                    throw new InvalidIdException(id, "ids must be well-formed UTF-16: a lone surrogate (\\u"
                            + Integer.toHexString(c) + " at index " + i + ") has no UTF-8 form and could not be told apart from '?' on disk");
                }
                i++;
            }
        }
        String encoded = isPlain(id) ? id : encode(id);
        if (encoded.length() + EXTENSION.length() > MAX_ENCODED_LENGTH) {
            throw new InvalidIdException(id, "too long; an id may take at most " + MAX_ENCODED_LENGTH
                    + " bytes once encoded as a file name (" + (encoded.length() + EXTENSION.length()) + " here)");
        }
        return encoded + EXTENSION;
    }

    /**
     * The id a record file name stands for, or {@code null} when the name is not one this class
     * produces (not a record file, or a file someone else named).
     */
    public static @Nullable String idOf(String fileName) {
        if (!fileName.endsWith(EXTENSION) || fileName.length() == EXTENSION.length()) {
            return null;
        }
        String encoded = fileName.substring(0, fileName.length() - EXTENSION.length());
        String id = decode(encoded);
        if (id == null) {
            return null;
        }
        try {
            return fileName(id).equals(fileName) ? id : null;
        } catch (InvalidIdException e) {
            return null;
        }
    }

    private static boolean isPlain(String id) {
        int last = id.length() - 1;
        if (id.charAt(0) == '.' || id.charAt(last) == '.') {
            return false;
        }
        for (int i = 0; i <= last; i++) {
            if (!isSafe(id.charAt(i))) {
                return false;
            }
        }
        return !isWindowsReserved(id);
    }

    private static boolean isSafe(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '@' || c == '+' || c == '=' || c == ',';
    }

    private static boolean isWindowsReserved(String id) {
        int dot = id.indexOf('.');
        if ((dot < 0 ? id.length() : dot) > 4) {
            return false; // reserved names have at most 4 characters, and upper-casing never shortens a string
        }
        String base = (dot < 0 ? id : id.substring(0, dot)).toUpperCase(Locale.ROOT);
        return WINDOWS_RESERVED.contains(base);
    }

    private static String encode(String id) {
        byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(utf8.length + 8);
        boolean reserved = isWindowsReserved(id);
        for (int i = 0; i < utf8.length; i++) {
            int b = utf8[i] & 0xFF;
            boolean edgeDot = b == '.' && (i == 0 || i == utf8.length - 1);
            if (isSafe(b) && !edgeDot && !(reserved && i == 0)) {
                out.append((char) b);
            } else {
                out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
            }
        }
        return out.toString();
    }

    private static @Nullable String decode(String encoded) {
        if (encoded.indexOf('%') < 0) {
            return encoded;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c != '%') {
                bytes.write(c);
                continue;
            }
            if (i + 2 >= encoded.length()) {
                return null;
            }
            int hi = Character.digit(encoded.charAt(i + 1), 16);
            int lo = Character.digit(encoded.charAt(i + 2), 16);
            if (hi < 0 || lo < 0) {
                return null;
            }
            bytes.write((hi << 4) | lo);
            i += 2;
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
