package io.filestore.internal.persist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32C;

import org.jspecify.annotations.Nullable;

import io.filestore.CorruptedFileException;
import io.filestore.StorageException;
import io.filestore.internal.io.AtomicFiles;
import io.filestore.internal.wal.ChangeCodec;
import io.filestore.internal.wal.ChangeEntry;
import io.filestore.spi.StorageIO;
import io.filestore.spi.WritableFile;

/**
 * The redo journal that makes one flush all-or-nothing across many files.
 *
 * <p>A flush first writes every change of its batch to {@code _flush.journal} (atomically, see
 * {@link AtomicFiles}), then replaces the record files one by one, then deletes the journal. A crash
 * while the record files are being replaced leaves a complete journal, which the next open applies
 * again, so a transaction is never found half-written on disk, whatever collection strategy it touched.
 *
 * <p>Format: magic {@code FSJ1} (4 bytes), the store sequence the batch covers (8), the entries
 * ({@link ChangeCodec}), and a CRC32C (4) of everything before it. Thread-safe.
 */
public final class FlushJournal {

    /** The journal's file name in the data folder. */
    public static final String FILE_NAME = "_flush.journal";

    private static final int MAGIC = 0x46534A31; // "FSJ1"
    private static final int PIECE_SIZE = 1 << 20;

    /** A journal read back: the sequence it covers and its entries. */
    public record Batch(long sequence, List<ChangeEntry> entries) {
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
    public void write(long sequence, List<ChangeEntry> entries) {
        // written in pieces of about 1 MiB with a running checksum: a batch of millions of records
        // never has to be held in memory as one array
        files.replaceStreamed(file, out -> {
            CRC32C crc = new CRC32C();
            ByteArrayOutputStream piece = new ByteArrayOutputStream(PIECE_SIZE + 4096);
            piece.writeBytes(ByteBuffer.allocate(12).putInt(MAGIC).putLong(sequence).array());
            ChangeCodec.writeCount(entries.size(), piece);
            for (ChangeEntry entry : entries) {
                ChangeCodec.writeEntry(entry, piece);
                if (piece.size() >= PIECE_SIZE) {
                    writePiece(out, crc, piece);
                }
            }
            writePiece(out, crc, piece);
            out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        });
    }

    private static void writePiece(WritableFile out, CRC32C crc, ByteArrayOutputStream piece)
            throws IOException {
        byte[] bytes = piece.toByteArray();
        crc.update(bytes);
        out.write(bytes);
        piece.reset();
    }

    /**
     * Reads the journal left by an interrupted flush.
     *
     * @return the batch, or {@code null} when there is no journal
     * @throws CorruptedFileException when the journal exists but does not verify
     */
    public @Nullable Batch read() {
        if (!io.exists(file)) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = io.readAllBytes(file);
        } catch (IOException e) {
            throw new StorageException("Cannot read flush journal", file, e);
        }
        if (bytes.length < 20) {
            throw new CorruptedFileException(file, 0, "journal of " + bytes.length + " bytes is shorter than its header");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, bytes.length - 4);
        if ((int) crc.getValue() != ByteBuffer.wrap(bytes).getInt(bytes.length - 4)) {
            throw new CorruptedFileException(file, bytes.length - 4, "checksum mismatch");
        }
        if (in.getInt() != MAGIC) {
            throw new CorruptedFileException(file, 0, "not a flush journal (bad magic)");
        }
        long sequence = in.getLong();
        try {
            return new Batch(sequence, ChangeCodec.decode(in));
        } catch (IllegalArgumentException e) {
            throw new CorruptedFileException(file, in.position(), e.getMessage());
        }
    }

    /** Deletes the journal once its batch is on disk. */
    public void delete() {
        try {
            io.deleteIfExists(file);
        } catch (IOException e) {
            throw new StorageException("Cannot delete flush journal", file, e);
        }
    }
}
