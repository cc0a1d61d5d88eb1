package io.filestore.wal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.filestore.CorruptedFileException;
import io.filestore.StorageException;
import io.filestore.io.AtomicFiles;
import io.filestore.io.StorageIO;

/**
 * The checkpoint file {@code _wal/checkpoint.json}: the store's id and the sequence number up to which
 * every change is already in the record files, e.g. {@code {"storeId":"…","sequence":42}}. Replaced
 * atomically after each flush; replay skips every record at or below it.
 *
 * @param storeId  the id segment headers must carry
 * @param sequence the last sequence the record files cover
 */
public record Checkpoint(UUID storeId, long sequence) {

    /** The file name inside the WAL folder. */
    public static final String FILE_NAME = "checkpoint.json";

    private static final Pattern FORMAT = Pattern.compile(
            "\\{\\s*\"storeId\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"\\s*,\\s*\"sequence\"\\s*:\\s*(\\d+)\\s*}\\s*");

    /** Reads the checkpoint, or returns {@code null} when there is none. */
    static Checkpoint read(StorageIO io, Path folder) {
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
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            throw new CorruptedFileException(file, 0, "not a checkpoint of the form {\"storeId\":\"<uuid>\",\"sequence\":<n>}");
        }
        return new Checkpoint(UUID.fromString(matcher.group(1)), Long.parseLong(matcher.group(2)));
    }

    /** Writes this checkpoint atomically and durably. */
    void write(AtomicFiles files, Path folder) {
        String text = "{\"storeId\":\"" + storeId + "\",\"sequence\":" + sequence + "}\n";
        files.replace(folder.resolve(FILE_NAME), text.getBytes(StandardCharsets.UTF_8));
    }
}
