package io.filestore.internal.wal;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The binary form of a list of {@link ChangeEntry}s: an entry count, then per entry a kind byte and
 * the collection, id and payload as length-prefixed bytes. Checksums are the caller's job (WAL frame,
 * journal trailer). Stateless and thread-safe.
 */
public final class ChangeCodec {

    private ChangeCodec() {
    }

    /** Appends the entries to {@code out}. */
    public static void encode(List<ChangeEntry> entries, ByteArrayOutputStream out) {
        writeCount(entries.size(), out);
        for (ChangeEntry entry : entries) {
            writeEntry(entry, out);
        }
    }

    /** Appends the entry count that must precede the entries (for writing them piece by piece). */
    public static void writeCount(int count, ByteArrayOutputStream out) {
        writeInt(out, count);
    }

    /** Appends one entry. */
    public static void writeEntry(ChangeEntry entry, ByteArrayOutputStream out) {
        out.write(entry.kind().ordinal());
        writeChunk(out, entry.collection() == null ? null : entry.collection().getBytes(StandardCharsets.UTF_8));
        writeChunk(out, entry.id().getBytes(StandardCharsets.UTF_8));
        writeChunk(out, entry.payload());
    }

    /** The entries as bytes. */
    public static byte[] encode(List<ChangeEntry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + entries.size() * 128);
        encode(entries, out);
        return out.toByteArray();
    }

    /**
     * Reads entries from the buffer's position.
     *
     * @throws IllegalArgumentException when the bytes are not a valid encoding
     */
    public static List<ChangeEntry> decode(ByteBuffer in) {
        try {
            int count = in.getInt();
            if (count < 0 || count > in.remaining()) {
                throw new IllegalArgumentException("implausible entry count " + count);
            }
            List<ChangeEntry> entries = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int ordinal = in.get();
                if (ordinal < 0 || ordinal >= ChangeEntry.Kind.values().length) {
                    throw new IllegalArgumentException("unknown entry kind " + ordinal + " at byte " + (in.position() - 1));
                }
                ChangeEntry.Kind kind = ChangeEntry.Kind.values()[ordinal];
                byte[] collection = readChunk(in);
                String id = new String(readChunk(in), StandardCharsets.UTF_8);
                byte[] payload = readChunk(in);
                entries.add(new ChangeEntry(kind, collection.length == 0 ? null : new String(collection, StandardCharsets.UTF_8),
                        id, kind.hasPayload() ? payload : null));
            }
            return entries;
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("entries end early");
        }
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    private static void writeChunk(ByteArrayOutputStream out, byte @Nullable [] chunk) {
        int length = chunk == null ? 0 : chunk.length;
        writeInt(out, length);
        if (length > 0) {
            out.write(chunk, 0, length);
        }
    }

    private static byte[] readChunk(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("implausible length " + length + " at byte " + (in.position() - 4));
        }
        byte[] chunk = new byte[length];
        in.get(chunk);
        return chunk;
    }
}
