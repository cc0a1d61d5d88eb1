package io.filestore.persist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.filestore.CorruptedFileException;
import io.filestore.StorageException;
import io.filestore.io.FileBatch;
import io.filestore.io.WritableFile;
import io.filestore.json.RecordLines;

/**
 * {@code single-file} with {@code format: jsonl} and {@code append-only: true}, meant for audit logs:
 * a flush appends one line per changed record (a deleted one gets a {@code {"key":"u1","deleted":true}}
 * line) instead of rewriting the file, and the last line for an id wins.
 *
 * <p>Every line ends with a newline, so a crash in the middle of an append leaves a last line without
 * one: it is detected at open, logged and cut away (it was never acknowledged as flushed; the flush
 * journal or the write-ahead log brings its records back). A bad line followed by good ones is damage:
 * the file is quarantined. Once dead lines (replaced or deleted records) outnumber both
 * {@value #COMPACT_AFTER_DEAD_LINES} and the live records, the next flush rewrites the file atomically
 * with the live records only.
 */
final class AppendOnlyLogPersister implements CollectionPersister {

    /** Compaction waits for at least this many dead lines. */
    static final int COMPACT_AFTER_DEAD_LINES = 1000;

    private static final Logger log = LoggerFactory.getLogger(AppendOnlyLogPersister.class);

    private final String collection;
    private final Path file;
    private final JsonLinesCodec codec;
    private final PersistContext context;
    private long lines;

    AppendOnlyLogPersister(String collection, Path file, JsonLinesCodec codec, PersistContext context) {
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
        java.util.Set<String> captured = sink.treeFields();
        Map<String, RecordLines.Line> records = new LinkedHashMap<>();
        int start = 0;
        int lineNumber = 0;
        try {
            while (start < content.length) {
                int end = JsonLinesCodec.indexOf(content, (byte) '\n', start);
                lineNumber++;
                if (end < 0) {
                    cutTornTail(start, content.length);
                    break;
                }
                JsonLinesCodec.apply(parseLine(content, start, end, lineNumber, captured), records);
                start = end + 1;
                lines++;
            }
        } catch (CorruptedFileException e) {
            context.quarantine().add(collection, file, e.getMessage());
            lines = 0;
            return;
        }
        codec.handOver(records, sink);
    }

    private RecordLines.Line parseLine(byte[] content, int start, int end, int lineNumber, java.util.Set<String> captured) {
        try {
            return codec.parseLine(content, start, end, file, captured);
        } catch (CorruptedFileException e) {
            throw JsonLinesCodec.atLine(e, lineNumber);
        }
    }

    @Override
    public boolean needsAllRecords(int recordCount) {
        long dead = lines - recordCount;
        return dead > COMPACT_AFTER_DEAD_LINES && dead > recordCount;
    }

    @Override
    public void stage(Map<String, byte[]> changes, Map<String, byte[]> allRecords, FileBatch batch) {
        if (allRecords != null) {
            batch.write(file, codec.encode(allRecords));
            lines = allRecords.size();
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(changes.size() * 320);
        changes.forEach((id, bytes) -> out.writeBytes(codec.line(id, bytes)));
        batch.append(file, out.toByteArray());
        lines += changes.size();
    }

    @Override
    public void stageRemoval(java.util.Set<String> ids, FileBatch batch) {
        batch.delete(file);
        IndexFiles.stageRemovalOfFolder(context, indexFolder(), batch);
        batch.delete(indexFolder());
    }

    @Override
    public Path indexFolder() {
        return Folders.indexFolderBeside(file, collection);
    }

    private void cutTornTail(int validEnd, int length) {
        try (WritableFile writable = context.io().openForAppend(file)) {
            writable.truncate(validEnd);
            writable.force();
        } catch (IOException e) {
            throw new StorageException("Cannot cut the torn last line of collection '" + collection + "'", file, e);
        }
        log.warn("Cut a torn last line ({} bytes) from {}; it was never completely flushed", length - validEnd, file);
    }

}
