package io.filestore.benchmarks.report;

import java.util.List;

import io.filestore.benchmarks.DirtyFlushBenchmark;
import io.filestore.benchmarks.report.ScalingRow.Cost;
import io.filestore.benchmarks.report.ScalingRow.Line;

/**
 * The rows of the scaling page: open, heap, get by id, find by index, a sorted first page and the
 * flush of 1% dirty records, each with the peer or raw limit it is measured beside, and the growth
 * FileStore's design allows it ({@code docs/architecture.md}: every record and index entry is held in
 * memory and loaded at open; reads are hash lookups; a sorted page reads the front of a sorted index;
 * a flush writes the dirty records). {@link ScalingSteps} and {@link ScalingSuite} measure every cell.
 */
final class ScalingRows {

    private ScalingRows() {
    }

    static List<ScalingRow> all() {
        return List.of(
                new ScalingRow("open", "open until queries can run, page cache warm: FileStore file-per-record with"
                        + " email unique and age indexed loads every record file and builds both indexes; beside it"
                        + " the raw limit, reading every record file on 4 threads", Growth.LINEAR,
                        "loads every record", Cost.TIME,
                        Line.of("FileStore", "OpenBenchmark.fileStoreOpen", "layout", "file-per-record", "indexed", "true"),
                        Line.of("raw 4-thread read", "OpenBenchmark.rawParallelRead", "layout", "file-per-record")),
                new ScalingRow("heap", "retained heap after GC of a memory-only collection with email unique and age"
                        + " indexed, beside Spring Data KeyValue's map of the same records as entities", Growth.LINEAR,
                        "a constant cost per record", Cost.HEAP,
                        Line.of("FileStore", "Footprint.heap", "store", "filestore memory-only"),
                        Line.of("Spring Data KeyValue", "Footprint.heap", "store", "keyvalue")),
                new ScalingRow("get by id", "1 thread, a random existing record by a fresh String key, as JSON text,"
                        + " from a memory-only collection; beside it the floor, a `ConcurrentHashMap<String, byte[]>`"
                        + " of the same bytes turned into a String", Growth.CONSTANT, "a hash map lookup", Cost.TIME,
                        Line.of("FileStore", "LookupBenchmark.getJson"),
                        Line.of("floor: ConcurrentHashMap + new String", "LookupBenchmark.floorMapGetJson")),
                new ScalingRow("find by index", "1 thread, the record whose unique-indexed email equals a random"
                        + " existing one, as JSON text (FileStore findIds + getJson); beside it SQLite's SELECT through"
                        + " its unique index", Growth.CONSTANT, "a hash index lookup, then a get by id", Cost.TIME,
                        Line.of("FileStore", "LookupBenchmark.findJsonByEmail"),
                        Line.of("SQLite, unique index", "PeerReadBenchmark.findByEmail", "peer", "sqlite")),
                new ScalingRow("first page by username", "1 thread, order by username limit 20, username indexed"
                        + " (FileStore's Query, rows parsed); beside it SQLite's ORDER BY username LIMIT 20 through"
                        + " its index", Growth.LOG, "the front of a sorted index: constant, at most log n", Cost.TIME,
                        Line.of("FileStore", "QueryBenchmark.firstPageByUsername", "indexed", "true"),
                        Line.of("SQLite, index on username", "PeerReadBenchmark.firstPageByUsername", "peer", "sqlite")),
                new ScalingRow("flush " + DirtyFlushBenchmark.DIRTY_PERCENT + "% dirty", "one flush after "
                        + DirtyFlushBenchmark.DIRTY_PERCENT + "% of the records of a file-per-record collection (email"
                        + " unique, age indexed, wal: true) got a new age: their files, the age index file, the"
                        + " checkpoint; beside it the raw loop on the same files of the same folder: temp + fsync on 4"
                        + " threads, rename, one folder fsync", Growth.LINEAR,
                        "linear in the dirty records, " + DirtyFlushBenchmark.DIRTY_PERCENT + "% of n", Cost.TIME,
                        Line.of("FileStore", "DirtyFlushBenchmark.fileStoreFlush"),
                        Line.of("raw temp+fsync+rename", "DirtyFlushBenchmark.rawParallel")));
    }
}
