package io.filestore.persist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

import io.filestore.CorruptedFileException;
import io.filestore.StorageException;
import io.filestore.io.StorageIO;

/**
 * The redo journal that makes one flush all-or-nothing across many files.
 *
 * <p>A flush first writes every change of its batch to {@code _flush.journal} (atomically, see
 * {@link AtomicFiles}), then replaces the record files one by one, then deletes the journal. A crash
 * while the record files are being replaced leaves a complete journal, which the next open applies
 * again, so a transaction is never found half-written on disk, whatever collection strategy it touched.
 *
 * <p>Format: magic {@code FSJ1}, the store sequence the batch covers (8 bytes), the entry count
 * (4 bytes), the entries, and a CRC32C (4 bytes) of everything before it. An entry is a kind byte, the
 * collection and id as length-prefixed UTF-8, and the payload (compact JSON; none for deletions).
 * Thread-safe.
 */
public final class FlushJournal {

    /** The journal's file name in the data folder. */
    public static final String FILE_NAME = "_flush.journal";

    private static final int MAGIC = 0x46534A31; // "FSJ1"

    /** What an entry does. */
    public enum Kind {
        /** Puts a record (collection, id, JSON). */
        PUT_RECORD,
        /** Deletes a record (collection, id). */
        DELETE_RECORD,
        /** Sets a global value (key in {@code id}, JSON). */
        PUT_VALUE,
        /** Removes every global value; the {@code PUT_VALUE} entries that follow set them again. */
        CLEAR_VALUES
    }

    /** One change of the batch; {@code payload} is {@code null} for deletions. */
    public record Entry(Kind kind, String collection, String id, byte[] payload) {
    }

    /** A journal read back: the sequence it covers and its entries. */
    public record Batch(long sequence, List<Entry> entries) {
    }

    private final StorageIO io;
    private final AtomicFiles files;
    private final Path file;

    public FlushJournal(StorageIO io, AtomicFiles files, Path dataDir) {
        this.io = io;
        this.files = files;
        this.file = dataDir.resolve(FILE_NAME);
    }

    /** The journal file. */
    public Path file() {
        return file;
    }

    /** Writes the batch durably, replacing any previous journal. */
    public void write(long sequence, List<Entry> entries) {
        files.replace(file, encode(sequence, entries));
    }

    /**
     * Reads the journal left by an interrupted flush.
     *
     * @return the batch, or {@code null} when there is no journal
     * @throws CorruptedFileException when the journal exists but does not verify
     */
    public Batch read() {
        if (!io.exists(file)) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = io.readAllBytes(file);
        } catch (IOException e) {
            throw new StorageException("Cannot read flush journal", file, e);
        }
        return decode(bytes);
    }

    /** Deletes the journal once its batch is on disk. */
    public void delete() {
        try {
            io.deleteIfExists(file);
        } catch (IOException e) {
            throw new StorageException("Cannot delete flush journal", file, e);
        }
    }

    static byte[] encode(long sequence, List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + entries.size() * 128);
        ByteBuffer header = ByteBuffer.allocate(16).putInt(MAGIC).putLong(sequence).putInt(entries.size());
        out.writeBytes(header.array());
        for (Entry entry : entries) {
            out.write(entry.kind().ordinal());
            writeChunk(out, entry.collection() == null ? new byte[0] : entry.collection().getBytes(StandardCharsets.UTF_8));
            writeChunk(out, entry.id().getBytes(StandardCharsets.UTF_8));
            writeChunk(out, entry.payload() == null ? new byte[0] : entry.payload());
        }
        CRC32C crc = new CRC32C();
        byte[] body = out.toByteArray();
        crc.update(body);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }

    private Batch decode(byte[] bytes) {
        if (bytes.length < 20) {
            throw new CorruptedFileException(file, 0, "journal of " + bytes.length + " bytes is shorter than its header");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if ((int) crc.getValue() != in.getInt(bytes.length - 4)) {
            throw new CorruptedFileException(file, bytes.length - 4, "checksum mismatch");
        }
        if (in.getInt() != MAGIC) {
            throw new CorruptedFileException(file, 0, "not a flush journal (bad magic)");
        }
        long sequence = in.getLong();
        int count = in.getInt();
        List<Entry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int kindOrdinal = in.get();
            if (kindOrdinal < 0 || kindOrdinal >= Kind.values().length) {
                throw new CorruptedFileException(file, in.position() - 1, "unknown entry kind " + kindOrdinal);
            }
            Kind kind = Kind.values()[kindOrdinal];
            String collection = new String(readChunk(in), StandardCharsets.UTF_8);
            String id = new String(readChunk(in), StandardCharsets.UTF_8);
            byte[] payload = readChunk(in);
            boolean isPut = kind == Kind.PUT_RECORD || kind == Kind.PUT_VALUE;
            entries.add(new Entry(kind, collection.isEmpty() ? null : collection, id, isPut ? payload : null));
        }
        return new Batch(sequence, entries);
    }

    private static void writeChunk(ByteArrayOutputStream out, byte[] chunk) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(chunk.length).array());
        out.writeBytes(chunk);
    }

    private static byte[] readChunk(ByteBuffer in) {
        byte[] chunk = new byte[in.getInt()];
        in.get(chunk);
        return chunk;
    }
}
