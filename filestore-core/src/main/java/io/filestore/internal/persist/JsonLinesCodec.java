package io.filestore.internal.persist;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

import org.jspecify.annotations.Nullable;

import io.filestore.CorruptedFileException;
import io.filestore.internal.json.Json;
import io.filestore.internal.json.RecordLines;
import io.filestore.spi.CollectionPersister;

/**
 * {@code format: jsonl}: one line per record, {@code {"key":"u1","record":{...}}}, the record exactly
 * as it was put (see {@link RecordLines} for every kind of line, and those written before this format,
 * which still load). The last line may lack its newline.
 */
final class JsonLinesCodec implements RecordFileCodec {

    /** The smallest slice of a file worth a thread of its own. */
    private static final int MIN_SLICE = 1 << 20;

    private final Json json;
    private final RecordLines format;

    JsonLinesCodec(Json json) {
        this.json = json;
        this.format = new RecordLines(json);
    }

    @Override
    public byte[] encode(Map<String, byte[]> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(records.size() * 320);
        new TreeMap<>(records).forEach((id, bytes) -> out.writeBytes(line(id, bytes)));
        return out.toByteArray();
    }

    /** One line for a record, or a deletion line when {@code bytes} is null, with its newline. */
    byte[] line(String id, byte @Nullable [] bytes) {
        return bytes == null ? format.deletionLine(id) : format.recordLine(id, bytes);
    }

    /**
     * Straight to compact records, without a tree of any whole line: the content is cut at line ends
     * into slices parsed side by side (the calling thread takes the last), then merged in file order,
     * so a later line of an id wins and a deletion line removes it (as {@link #apply} does for an
     * append-only file, line by line). The sink sees nothing until every line parsed. A last line
     * without its newline counts when it parses: a file replaced atomically is never torn. Holding a tree
     * of every line until the last one instead took far longer and allocated far more for a large file
     * (filestore-benchmarks/README.md, "Figures behind design choices").
     */
    @Override
    public void decodeInto(byte[] content, Path file, CollectionPersister.RecordSink sink, ExecutorService pool) {
        Set<String> captured = sink.treeFields();
        List<int[]> slices = slices(content);
        List<CompletableFuture<List<RecordLines.Line>>> parsed = new ArrayList<>();
        for (int i = 0; i < slices.size() - 1; i++) {
            int[] slice = slices.get(i);
            parsed.add(CompletableFuture.supplyAsync(() -> parseSlice(content, slice, file, captured), pool));
        }
        List<List<RecordLines.Line>> lines = new ArrayList<>();
        CorruptedFileException first = null;
        try {
            List<RecordLines.Line> last = parseSlice(content, slices.get(slices.size() - 1), file, captured);
            for (CompletableFuture<List<RecordLines.Line>> slice : parsed) {
                lines.add(slice.join());
            }
            lines.add(last);
        } catch (CorruptedFileException e) {
            first = e;
        } catch (CompletionException e) {
            first = e.getCause() instanceof CorruptedFileException corrupted ? corrupted : null;
            if (first == null) {
                throw e;
            }
        }
        if (first != null) {
            throw firstProblem(parsed, first, content);
        }
        handOver(merge(lines), sink);
    }

    /** Gives the sink the live records. */
    void handOver(Map<String, RecordLines.Line> records, CollectionPersister.RecordSink sink) {
        sink.expect(records.size());
        records.forEach((id, line) -> sink.acceptCompact(id, line.bytes(), line.fields(), json));
    }

    /** Up to one slice a core, each at least {@link #MIN_SLICE} bytes, cut after a newline: {start, end}. */
    private static List<int[]> slices(byte[] content) {
        int count = (int) Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), content.length / MIN_SLICE));
        List<int[]> slices = new ArrayList<>(count);
        int start = 0;
        for (int i = 1; i < count && start < content.length; i++) {
            int cut = indexOf(content, (byte) '\n', Math.max(start, (int) ((long) content.length * i / count)));
            if (cut < 0) {
                break;
            }
            slices.add(new int[] {start, cut + 1});
            start = cut + 1;
        }
        slices.add(new int[] {start, content.length});
        return slices;
    }

    private List<RecordLines.Line> parseSlice(byte[] content, int[] slice, Path file, Set<String> captured) {
        List<RecordLines.Line> parsed = new ArrayList<>();
        int start = slice[0];
        while (start < slice[1]) {
            int end = indexOf(content, (byte) '\n', start);
            if (end < 0) {
                end = content.length; // only the last slice can end without a newline
            }
            parsed.add(parseLine(content, start, end, file, captured));
            start = end + 1;
        }
        return parsed;
    }

    /** The problem at the lowest offset of all slices, its message naming the line. */
    private static CorruptedFileException firstProblem(List<CompletableFuture<List<RecordLines.Line>>> parsed,
                                                       CorruptedFileException seen, byte[] content) {
        CorruptedFileException first = seen;
        for (CompletableFuture<List<RecordLines.Line>> slice : parsed) {
            try {
                slice.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof CorruptedFileException corrupted && corrupted.offset() < first.offset()) {
                    first = corrupted;
                }
            }
        }
        int line = 1;
        for (int i = 0; i < first.offset(); i++) {
            if (content[i] == '\n') {
                line++;
            }
        }
        return atLine(first, line);
    }

    /** The problem of a line, its message naming the line. */
    static CorruptedFileException atLine(CorruptedFileException problem, int line) {
        return new CorruptedFileException(problem.path(), problem.offset(), "line " + line + ": " + problem.problem());
    }

    private static Map<String, RecordLines.Line> merge(List<List<RecordLines.Line>> slices) {
        int total = 0;
        for (List<RecordLines.Line> slice : slices) {
            total += slice.size();
        }
        Map<String, RecordLines.Line> records = new HashMap<>((int) (total / 0.75f) + 1);
        for (List<RecordLines.Line> slice : slices) {
            for (RecordLines.Line line : slice) {
                apply(line, records);
            }
        }
        return records;
    }

    /**
     * Parses one line ({@code end}: the offset of its newline, or of the end of the content) to its compact
     * record, with trees of the {@code captured} fields; the exception names the offset, not the line
     * (see {@link #atLine}).
     */
    RecordLines.Line parseLine(byte[] content, int start, int end, Path file, Set<String> captured) {
        return format.parse(content, start, end - start, file, captured);
    }

    /** Applies a parsed line to the records: a put or a deletion; a flush mark changes no record. */
    static void apply(RecordLines.Line line, Map<String, RecordLines.Line> records) {
        switch (line.kind()) {
            case RECORD -> records.put(line.key(), line);
            case DELETION -> records.remove(line.key());
            case FLUSH_MARK -> { }
        }
    }

    static int indexOf(byte[] bytes, byte value, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
