package io.filestore.benchmarks.report;

import java.util.List;

import static io.filestore.benchmarks.report.StoreColumn.FILESTORE;
import static io.filestore.benchmarks.report.StoreColumn.H2_MVSTORE;
import static io.filestore.benchmarks.report.StoreColumn.H2_SQL;
import static io.filestore.benchmarks.report.StoreColumn.KEYVALUE;
import static io.filestore.benchmarks.report.StoreColumn.NITRITE;
import static io.filestore.benchmarks.report.StoreColumn.RAW_LIMIT;
import static io.filestore.benchmarks.report.StoreColumn.SQLITE;

/**
 * The rows of the report: every workload of the suite and which benchmark result stands for it in
 * each store's column. {@link Suite} runs exactly these benchmarks ({@link Steps}).
 */
public final class Workloads {

    private static final String NO_DURABILITY = "in memory only: nothing to make durable";
    private static final String NO_FLUSH = "writes its files at commit; that cost is in its insert and update rows";
    private static final String NO_RAW_LOOP = "no raw loop for this workload";
    private static final String SEE_REPOSITORY = "reachable only through its repository: see the repository rows";
    private static final String REPOSITORY_ONLY = "not a Spring Data store here: see the rows above";
    private static final String H2_SQL_READS_ONLY = "not run: the suite measures H2's SQL on reads; the writes of its"
            + " storage engine are the H2 MVStore column (H2 has no setting that forces each SQL commit to disk)";
    private static final String NO_PAGING = "no paging in this adapter: the suite pages the SQL stores";
    private static final String SUSTAINED_PEERS = "not run: a minute of load per store; the targets compare with"
            + " SQLite FULL";
    /** The sustained inserts' rate: an aux counter of the benchmark, per second of the run and the close. */
    static final String SUSTAINED = "SustainedInsertBenchmark.insertThenClose:inserts";
    /** The writes of the commit path, and why they are not the durable rate. */
    static final String COMMIT_PATH = "commit path: the write-ahead log's commit and fsync, then the record in"
            + " memory; FileStore's record files are not written (a persister that discards them), so this is not"
            + " the rate counted to disk (see the sustained rows)";

    private Workloads() {
    }

    /** The rows for a run with these sizes, in report order. */
    public static List<Workload> rows(Sizes sizes) {
        String records = String.valueOf(sizes.records());
        return List.of(
                durableInsert(1, "writers01", "insert01"),
                durableInsert(64, "writers64", "insert64"),
                sustained(sizes, "file-per-record", "FileStore's default file-per-record strategy and options"),
                sustained(sizes, "jsonl-append-only", "a single-file JSON Lines collection with append-only: true"),
                Workload.of("async insert", "1 thread, each commit written to the OS, fsynced later or never"
                                + " (FileStore fsync interval 200 ms; SQLite synchronous=NORMAL; MVStore commit"
                                + " without sync)")
                        .with(FILESTORE, "DurablePutBenchmark.writers01", "fsyncIntervalMillis", "200")
                        .with(SQLITE, "PeerWriteBenchmark.insert01", "peer", "sqlite", "commit", "WRITE")
                        .with(H2_MVSTORE, "PeerWriteBenchmark.insert01", "peer", "h2-mvstore", "commit", "WRITE")
                        .with(NITRITE, "PeerWriteBenchmark.insert01", "peer", "nitrite", "commit", "WRITE")
                        .without(H2_SQL, H2_SQL_READS_ONLY).without(RAW_LIMIT, NO_RAW_LOOP)
                        .without(KEYVALUE, NO_DURABILITY),
                Workload.of("update", "1 thread, replace an existing record (new age), async commit as above, "
                                + records + " records")
                        .with(FILESTORE, "PutBenchmark.put", "collection", "file-per-record-async")
                        .with(SQLITE, "PeerWriteBenchmark.update", "peer", "sqlite", "commit", "WRITE")
                        .with(H2_MVSTORE, "PeerWriteBenchmark.update", "peer", "h2-mvstore", "commit", "WRITE")
                        .with(NITRITE, "PeerWriteBenchmark.update", "peer", "nitrite", "commit", "WRITE")
                        .without(H2_SQL, H2_SQL_READS_ONLY).without(RAW_LIMIT, NO_RAW_LOOP)
                        .without(KEYVALUE, NO_DURABILITY),
                read("get by id", "by primary key / map key", "LookupBenchmark.getJson", "get", records),
                lookupLarge(sizes),
                read("find by email", "unique index, the matching document (FileStore: findIds + getJson)",
                        "LookupBenchmark.findJsonByEmail", "findByEmail", records),
                read("query by email", "the same through FileStore's Query DSL (Query.from(...).where(eq).run(), rows"
                        + " parsed to trees); the peers' figures are those of the row above", "QueryBenchmark.byEmail",
                        "findByEmail", records),
                read("age range top 10", "age >= v order by age limit 10, age indexed (FileStore's Query; the SQL"
                        + " stores' SELECT ... ORDER BY age LIMIT 10; H2 MVStore a cursor over its own age map)",
                        "QueryBenchmark.ageRangeTop10", "ageAtLeastTop10", records),
                read("age range top 10, JSON text", "the same through Query.runJson(): each row its stored JSON text, as"
                        + " the SQL stores' SELECT doc returns it (the peers' figures are those of the row above)",
                        "QueryBenchmark.ageRangeTop10Json", "ageAtLeastTop10", records),
                page("first page by username", "order by username limit 20, username indexed",
                        "firstPageByUsername", records),
                page("page at " + Workloads.count(sizes.records() / 2) + " by username", "order by username offset "
                        + sizes.records() / 2 + " limit 20, username indexed", "middlePageByUsername", records),
                page("first page by name, unindexed", "order by name limit 20, name in no index (a top 20 of every"
                        + " record)", "firstPageByName", records),
                repository("repository findById", "findById", "FindById"),
                repository("repository findByEmail", "findByEmail (email unique-indexed in FileStore)", "FindByEmail"),
                repository("repository top 10 by age", "findTop10ByAgeGreaterThanEqualOrderByAge", "Top10ByAge"),
                repository("repository first page by username",
                        "findAll(PageRequest.of(0, 20, Sort.by(\"username\"))), a Page with its total", "FirstPageByUsername"),
                repository("repository page at " + Workloads.count(sizes.records() / 2) + " by username",
                        "findAll(PageRequest.of(" + sizes.records() / 2 / 20 + ", 20, Sort.by(\"username\")))",
                        "MiddlePageByUsername"),
                repository("repository first page by name, unindexed",
                        "findAll(PageRequest.of(0, 20, Sort.by(\"name\")))", "FirstPageByName"),
                Opens.open(sizes.openSmall(), "file-per-record"),
                Opens.firstOpen(sizes.openSmall()),
                Opens.open(sizes.openLarge(), "single-file-jsonl").without(NITRITE, "not run: Nitrite loads a few"
                        + " thousand documents per second on this machine, so building its " + count(sizes.openLarge())
                        + " data set alone would take minutes of the suite's budget"),
                Workload.of("flush " + count(sizes.flush()) + " dirty", sizes.flush()
                                + " new records in a file-per-record collection (wal: true) made durable by one flush,"
                                + " vs temp + fsync on 4 threads + rename + one folder fsync")
                        .with(FILESTORE, "FlushBenchmark.fileStoreFlush", "wal", "true", "records",
                                String.valueOf(sizes.flush()))
                        .with(RAW_LIMIT, "FlushBenchmark.rawParallel", "records", String.valueOf(sizes.flush()))
                        .without(SQLITE, NO_FLUSH).without(H2_SQL, NO_FLUSH).without(H2_MVSTORE, NO_FLUSH)
                        .without(NITRITE, NO_FLUSH).without(KEYVALUE, NO_DURABILITY),
                disk(sizes, "file-per-record", "one pretty-printed file per record, a file-system block each"),
                disk(sizes, "single-file-jsonl", "one JSON line per record in one file"),
                disk(sizes, "compressed", "zstd-compressed single file"),
                Workload.of("heap B/record", sizes.footprintHeap() + " records held, retained heap after GC;"
                                + " FileStore memory-only with email and age indexed")
                        .with(FILESTORE, "Footprint.heap", "store", "filestore memory-only")
                        .with(KEYVALUE, "Footprint.heap", "store", "keyvalue")
                        .without(SQLITE, Opens.ON_DISK).without(H2_SQL, Opens.ON_DISK)
                        .without(H2_MVSTORE, Opens.ON_DISK).without(NITRITE, Opens.ON_DISK)
                        .without(RAW_LIMIT, NO_RAW_LOOP).notCharted());
    }

    private static Workload disk(Sizes sizes, String layout, String what) {
        return Workload.of("disk B/record, " + layout, sizes.footprintDisk() + " records with their indexes, space"
                        + " allocated on disk (du); FileStore " + layout + ": " + what
                        + "; the peers the same in each row")
                .with(FILESTORE, "Footprint.disk", "store", "filestore " + layout)
                .with(SQLITE, "Footprint.disk", "store", "sqlite")
                .with(H2_SQL, "Footprint.disk", "store", "h2-sql")
                .with(H2_MVSTORE, "Footprint.disk", "store", "h2-mvstore")
                .with(NITRITE, "Footprint.disk", "store", "nitrite")
                .without(RAW_LIMIT, NO_RAW_LOOP).without(KEYVALUE, NO_DURABILITY).notCharted();
    }

    private static Workload durableInsert(int threads, String fileStoreMethod, String peerMethod) {
        Workload row = Workload.of("durable insert " + threads + "t, commit path", threads
                        + (threads == 1 ? " thread" : " threads")
                        + ", fsync before each insert returns (FileStore wal: true, fsync interval 0; SQLite"
                        + " synchronous=FULL; MVStore commit + sync); FileStore's " + COMMIT_PATH
                        + (threads == 1 ? "; raw: a 300 B write over zeros written ahead + fdatasync, in a loop" : ""))
                .with(FILESTORE, "DurablePutBenchmark." + fileStoreMethod, "fsyncIntervalMillis", "0")
                .with(SQLITE, "PeerWriteBenchmark." + peerMethod, "peer", "sqlite", "commit", "FSYNC")
                .with(H2_MVSTORE, "PeerWriteBenchmark." + peerMethod, "peer", "h2-mvstore", "commit", "FSYNC")
                .with(NITRITE, "PeerWriteBenchmark." + peerMethod, "peer", "nitrite", "commit", "FSYNC")
                .without(H2_SQL, H2_SQL_READS_ONLY).without(KEYVALUE, NO_DURABILITY);
        return threads == 1 ? row.with(RAW_LIMIT, "RawAppendFsyncBenchmark.appendAndForce")
                : row.without(RAW_LIMIT, "the raw loop is one thread (one append + fsync at a time)");
    }

    private static Workload sustained(Sizes sizes, String store, String what) {
        return Workload.of("sustained durable insert 64t, " + store, "64 threads insert for "
                        + sizes.sustainedSeconds() + " s, each insert durable before it returns, then the store is"
                        + " closed; rate = inserts / (run + close), counted until every record is in its files."
                        + " FileStore: " + what + ", email unique and age indexed; SQLite synchronous=FULL (its close"
                        + " checkpoints the WAL). One run each, JIT cold at its start")
                .with(FILESTORE, SUSTAINED, "store", store, "seconds", String.valueOf(sizes.sustainedSeconds()))
                .with(SQLITE, SUSTAINED, "store", "sqlite", "seconds", String.valueOf(sizes.sustainedSeconds()))
                .without(H2_SQL, H2_SQL_READS_ONLY).without(H2_MVSTORE, SUSTAINED_PEERS)
                .without(NITRITE, SUSTAINED_PEERS).without(RAW_LIMIT, NO_RAW_LOOP).without(KEYVALUE, NO_DURABILITY);
    }

    private static Workload lookupLarge(Sizes sizes) {
        String records = String.valueOf(sizes.lookupLarge());
        return Workload.of("get by id " + count(sizes.lookupLarge()) + ", fresh keys", "1 thread, random existing"
                        + " key, " + records + " records in a memory-only collection, each key a new String (as from"
                        + " a request); raw: the floor, a ConcurrentHashMap<String, byte[]> of the same bytes, looked"
                        + " up by a fresh key and turned into a String")
                .with(FILESTORE, "LookupBenchmark.getJson", "records", records)
                .with(RAW_LIMIT, "LookupBenchmark.floorMapGetJson", "records", records)
                .without(SQLITE, "not run at this size").without(H2_SQL, "not run at this size")
                .without(H2_MVSTORE, "not run at this size").without(NITRITE, "not run at this size")
                .without(KEYVALUE, SEE_REPOSITORY);
    }

    private static Workload read(String name, String detail, String fileStoreBenchmark, String peerMethod,
                                 String records) {
        return Workload.of(name, "1 thread, random existing key (a fresh String per call), " + records
                        + " records; " + detail)
                .with(FILESTORE, fileStoreBenchmark, "records", records)
                .with(SQLITE, "PeerReadBenchmark." + peerMethod, "peer", "sqlite", "records", records)
                .with(H2_SQL, "PeerReadBenchmark." + peerMethod, "peer", "h2-sql", "records", records)
                .with(H2_MVSTORE, "PeerReadBenchmark." + peerMethod, "peer", "h2-mvstore", "records", records)
                .with(NITRITE, "PeerReadBenchmark." + peerMethod, "peer", "nitrite", "records", records)
                .without(RAW_LIMIT, NO_RAW_LOOP).without(KEYVALUE, SEE_REPOSITORY);
    }

    private static Workload page(String name, String detail, String method, String records) {
        return Workload.of(name, "1 thread, " + records + " records, the 20 rows as documents; " + detail
                        + " (FileStore's Query; the SQL stores' SELECT, the same order, LIMIT/OFFSET)")
                .with(FILESTORE, "QueryBenchmark." + method, "records", records)
                .with(SQLITE, "PeerReadBenchmark." + method, "peer", "sqlite", "records", records)
                .with(H2_SQL, "PeerReadBenchmark." + method, "peer", "h2-sql", "records", records)
                .without(H2_MVSTORE, NO_PAGING).without(NITRITE, NO_PAGING)
                .without(RAW_LIMIT, NO_RAW_LOOP).without(KEYVALUE, SEE_REPOSITORY);
    }

    private static Workload repository(String name, String call, String method) {
        return Workload.of(name, "through a Spring Data repository: " + call + "; KeyValue's map repository"
                        + " reads every entity (through its getters) for a derived query or a sort")
                .with(FILESTORE, "RepositoryBenchmark.fileStore" + method)
                .with(KEYVALUE, "RepositoryBenchmark.keyValue" + method)
                .without(RAW_LIMIT, NO_RAW_LOOP).without(SQLITE, REPOSITORY_ONLY).without(H2_SQL, REPOSITORY_ONLY)
                .without(H2_MVSTORE, REPOSITORY_ONLY).without(NITRITE, REPOSITORY_ONLY);
    }

    /** 100000 as "100k", 1000000 as "1M". */
    static String count(int records) {
        if (records >= 1_000_000 && records % 1_000_000 == 0) {
            return records / 1_000_000 + "M";
        }
        if (records >= 1000 && records % 1000 == 0) {
            return records / 1000 + "k";
        }
        return String.valueOf(records);
    }
}
