package io.filestore.internal.persist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.filestore.CorruptedFileException;
import io.filestore.StorageException;
import io.filestore.internal.json.RecordLines;
import io.filestore.spi.CollectionPersister;
import io.filestore.spi.FileBatch;
import io.filestore.spi.WritableFile;

/**
 * {@code single-file} with {@code format: jsonl} and {@code append-only: true}, meant for audit logs:
 * a flush appends a flush mark ({@code {"flush":42}}) and one line per changed record (a deleted one
 * gets a {@code {"key":"u1","deleted":true}} line) instead of rewriting the file, and the last line for
 * an id wins.
 *
 * <p>The end of the file at open: a last line that parses is kept, newline or not (one is added). A
 * last line that does not parse is cut away only when the write-ahead log proves that it was never
 * acknowledged: it follows a flush mark above the checkpoint the store opened with (that flush never
 * completed, and the log or the flush journal brings its records back), or it is no more than the
 * beginning of a flush mark (it holds no record). The bytes cut are kept in {@code _quarantine/}. Any
 * other bad line, last or not, is damage: the file is quarantined. Once dead lines (replaced or deleted
 * records) outnumber both {@value #COMPACT_AFTER_DEAD_LINES} and the live records, the next flush
 * rewrites the file atomically with the live records only.
 */
final class AppendOnlyLogPersister implements CollectionPersister {

    /** Compaction waits for at least this many dead lines. */
    static final int COMPACT_AFTER_DEAD_LINES = 1000;

    /** No flush mark seen yet. */
    private static final long NO_MARK = -1;

    private static final Logger log = LoggerFactory.getLogger(AppendOnlyLogPersister.class);

    private final String collection;
    private final Path file;
    private final JsonLinesCodec codec;
    private final StorePersistContext context;
    /** Record and deletion lines in the file. */
    private long lines;

    AppendOnlyLogPersister(String collection, Path file, JsonLinesCodec codec, StorePersistContext context) {
        this.collection = collection;
        this.file = file;
        this.codec = codec;
        this.context = context;
    }

    @Override
    public void load(RecordSink sink) {
        byte[] content = Folders.prepareAndRead(context, file, indexFolder(), collection);
        if (content == null) {
            return;
        }
        Set<String> captured = sink.treeFields();
        Map<String, RecordLines.Line> records = new LinkedHashMap<>();
        long lastMark = NO_MARK;
        int start = 0;
        int lineNumber = 0;
        try {
            while (start < content.length) {
                int end = JsonLinesCodec.indexOf(content, (byte) '\n', start);
                lineNumber++;
                RecordLines.Line line = end >= 0
                        ? parseLine(content, start, end, lineNumber, captured)
                        : parseLastLine(content, start, lineNumber, lastMark, captured);
                if (line != null) {
                    lastMark = line.kind() == RecordLines.Kind.FLUSH_MARK ? line.sequence() : lastMark;
                    lines += line.kind() == RecordLines.Kind.FLUSH_MARK ? 0 : 1;
                    JsonLinesCodec.apply(line, records);
                }
                if (end < 0) {
                    if (line != null) {
                        completeLastLine();
                    }
                    break;
                }
                start = end + 1;
            }
        } catch (CorruptedFileException e) {
            context.quarantine().add(collection, file, e.getMessage());
            lines = 0;
            return;
        }
        codec.handOver(records, sink);
    }

    private RecordLines.Line parseLine(byte[] content, int start, int end, int lineNumber, Set<String> captured) {
        try {
            return codec.parseLine(content, start, end, file, captured);
        } catch (CorruptedFileException e) {
            throw JsonLinesCodec.atLine(e, lineNumber);
        }
    }

    /**
     * The last line when it has no newline: the line if it parses; {@code null} once it is cut away as a
     * torn append never acknowledged.
     *
     * @throws CorruptedFileException when it does not parse and the log does not prove it unacknowledged
     */
    private RecordLines.@Nullable Line parseLastLine(byte[] content, int start, int lineNumber, long lastMark,
                                           Set<String> captured) {
        try {
            return codec.parseLine(content, start, content.length, file, captured);
        } catch (CorruptedFileException e) {
            long checkpoint = context.checkpointAtOpen().getAsLong();
            if (RecordLines.isCutFlushMark(content, start, content.length)) {
                cutTornTail(content, start, "it is no more than the beginning of a flush mark, so it holds no record");
                return null;
            }
            if (lastMark != NO_MARK && lastMark > checkpoint) {
                cutTornTail(content, start, "its flush (mark " + lastMark + ") is above the write-ahead log's "
                        + "checkpoint (" + checkpoint + "), so it never completed; the log or the flush journal "
                        + "replays its records");
                return null;
            }
            String why = lastMark == NO_MARK
                    ? "no flush mark precedes it"
                    : "the write-ahead log's checkpoint (" + checkpoint + ") covers its flush (mark " + lastMark + ")";
            throw JsonLinesCodec.atLine(new CorruptedFileException(file, start,
                    e.problem() + "; the last line is cut short but is no torn append: " + why), lineNumber);
        }
    }

    @Override
    public boolean needsAllRecords(int recordCount) {
        long dead = lines - recordCount;
        return dead > COMPACT_AFTER_DEAD_LINES && dead > recordCount;
    }

    /** Rewrites the file when given every record; otherwise appends the changes without a flush mark. */
    @Override
    public void stage(Map<String, byte[]> changes, Map<String, byte[]> allRecords, FileBatch batch) {
        stage(NO_MARK, changes, allRecords, batch);
    }

    @Override
    public void stage(long checkpoint, Map<String, byte[]> changes, Map<String, byte[]> allRecords, FileBatch batch) {
        if (allRecords != null) {
            batch.write(file, codec.encode(allRecords));
            lines = allRecords.size();
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(changes.size() * 320 + 32);
        if (checkpoint != NO_MARK) {
            out.writeBytes(RecordLines.flushLine(checkpoint));
        }
        changes.forEach((id, bytes) -> out.writeBytes(codec.line(id, bytes)));
        batch.append(file, out.toByteArray());
        lines += changes.size();
    }

    @Override
    public void stageRemoval(Set<String> ids, FileBatch batch) {
        batch.delete(file);
        IndexFiles.stageRemovalOfFolder(context, indexFolder(), batch);
        batch.delete(indexFolder());
    }

    @Override
    public Path indexFolder() {
        return Folders.indexFolderBeside(file, collection);
    }

    /** Gives a last line kept without its newline one, so that the next append starts a line of its own. */
    private void completeLastLine() {
        try (WritableFile writable = context.io().openForAppend(file)) {
            writable.write(new byte[] {'\n'});
            writable.force();
        } catch (IOException e) {
            throw new StorageException("Cannot end the last line of collection '" + collection + "' with a newline",
                    file, e);
        }
    }

    /** Keeps the torn end in the quarantine, then cuts it from the file. */
    private void cutTornTail(byte[] content, int validEnd, String why) {
        byte[] tail = Arrays.copyOfRange(content, validEnd, content.length);
        Path saved = context.quarantine().keepCut(collection, file, validEnd, tail);
        try (WritableFile writable = context.io().openForAppend(file)) {
            writable.truncate(validEnd);
            writable.force();
        } catch (IOException e) {
            throw new StorageException("Cannot cut the torn last line of collection '" + collection + "'", file, e);
        }
        log.warn("Cut a last line that does not parse ({} bytes at offset {}) from {} and kept it in {}: {}",
                tail.length, validEnd, file, saved, why);
    }
}
