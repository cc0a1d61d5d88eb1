package io.filestore.internal.wal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

import org.jspecify.annotations.Nullable;

import io.filestore.CorruptedFileException;
import io.filestore.StorageException;
import io.filestore.internal.io.AtomicFiles;
import io.filestore.spi.StorageIO;

/**
 * The checkpoint file {@code _wal/checkpoint.json}, e.g.
 * {@code {"storeId":"…","sequence":42,"logEnd":57,"lastSegment":3,"crc":123456789}}: the store's id,
 * the sequence up to which every change is already in the record files, the last sequence known durable
 * in the log and the newest segment file when it was written, and a CRC32C of the rest. Replaced
 * atomically after each flush and whenever a segment is created; replay skips every record at or below
 * {@code sequence}, and the rest tells whether the log still holds what it held (see
 * {@link LogContinuity}). A checkpoint of the previous format, without the last three members, is read
 * as one that tells nothing about the log.
 *
 * @param storeId     the id segment headers must carry
 * @param sequence    the last sequence the record files cover
 * @param logEnd      the last sequence known durable in the log when this was written (0: unknown)
 * @param lastSegment the newest segment file when this was written (0: none, or unknown)
 * @param legacy      whether it was read from the previous format
 */
public record Checkpoint(UUID storeId, long sequence, long logEnd, long lastSegment, boolean legacy) {

    /** The file name inside the WAL folder. */
    public static final String FILE_NAME = "checkpoint.json";

    private static final String UUID_PATTERN = "\"storeId\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"";
    private static final Pattern FORMAT = Pattern.compile("\\{\\s*" + UUID_PATTERN + "\\s*,\\s*\"sequence\"\\s*:\\s*(\\d+)"
            + "\\s*,\\s*\"logEnd\"\\s*:\\s*(\\d+)\\s*,\\s*\"lastSegment\"\\s*:\\s*(\\d+)\\s*,\\s*\"crc\"\\s*:\\s*(\\d+)\\s*}\\s*");
    private static final Pattern LEGACY_FORMAT = Pattern.compile(
            "\\{\\s*" + UUID_PATTERN + "\\s*,\\s*\"sequence\"\\s*:\\s*(\\d+)\\s*}\\s*");

    /** A checkpoint of this format. */
    Checkpoint(UUID storeId, long sequence, long logEnd, long lastSegment) {
        this(storeId, sequence, logEnd, lastSegment, false);
    }

    /**
     * Reads the checkpoint, or returns {@code null} when there is none.
     *
     * @throws CorruptedFileException when it does not parse or its checksum does not match
     */
    static @Nullable Checkpoint read(StorageIO io, Path folder) {
        Path file = folder.resolve(FILE_NAME);
        if (!io.exists(file)) {
            return null;
        }
        String text;
        try {
            text = new String(io.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StorageException("Cannot read WAL checkpoint", file, e);
        }
        Matcher legacy = LEGACY_FORMAT.matcher(text);
        if (legacy.matches()) {
            return new Checkpoint(UUID.fromString(legacy.group(1)), Long.parseLong(legacy.group(2)), 0, 0, true);
        }
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            throw new CorruptedFileException(file, 0, "not a checkpoint of the form {\"storeId\":\"<uuid>\","
                    + "\"sequence\":<n>,\"logEnd\":<n>,\"lastSegment\":<n>,\"crc\":<n>}; restore it, or move the " + folder + " folder away to open without the log"
                    + " (writes acknowledged since the last flush would be lost)");
        }
        Checkpoint checkpoint = new Checkpoint(UUID.fromString(matcher.group(1)), Long.parseLong(matcher.group(2)),
                Long.parseLong(matcher.group(3)), Long.parseLong(matcher.group(4)));
        long crc = Long.parseLong(matcher.group(5));
        if (crc != checkpoint.crc()) {
            throw new CorruptedFileException(file, 0, "checksum mismatch (the file says " + crc + ", its content gives "
                    + checkpoint.crc() + "): it was damaged or edited, and replaying from a wrong sequence would"
                    + " skip or revert acknowledged writes; restore it, or move the " + folder + " folder away to open"
                    + " without the log (writes acknowledged since the last flush would be lost)");
        }
        return checkpoint;
    }

    /** Writes this checkpoint atomically and durably. */
    void write(AtomicFiles files, Path folder) {
        files.replace(folder.resolve(FILE_NAME), text().getBytes(StandardCharsets.UTF_8));
    }

    private String text() {
        return body() + ",\"crc\":" + crc() + "}\n";
    }

    /** Everything the checksum covers: the members before it, as written. */
    private String body() {
        return "{\"storeId\":\"" + storeId + "\",\"sequence\":" + sequence + ",\"logEnd\":" + logEnd
                + ",\"lastSegment\":" + lastSegment;
    }

    private long crc() {
        CRC32C crc = new CRC32C();
        crc.update(body().getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
