package io.filestore.benchmarks.report;

import static io.filestore.benchmarks.report.StoreColumn.FILESTORE;
import static io.filestore.benchmarks.report.StoreColumn.H2_MVSTORE;
import static io.filestore.benchmarks.report.StoreColumn.H2_SQL;
import static io.filestore.benchmarks.report.StoreColumn.KEYVALUE;
import static io.filestore.benchmarks.report.StoreColumn.NITRITE;
import static io.filestore.benchmarks.report.StoreColumn.RAW_LIMIT;
import static io.filestore.benchmarks.report.StoreColumn.SQLITE;

/** The report's rows of opening a store ({@link Workloads}). */
final class Opens {

    /** Why a store that keeps its data on disk has no heap figure. */
    static final String ON_DISK = "data on disk, bounded page cache: heap does not grow per record";
    private static final String NO_DURABILITY = "in memory only: nothing to open";
    private static final String H2_SQL_NOT_OPENED = "not run: H2's opens are measured on its storage engine"
            + " (H2 MVStore column)";

    private Opens() {
    }

    static Workload open(int records, String layout) {
        String size = String.valueOf(records);
        return Workload.of("open " + Workloads.count(records), "open until queries can run, page cache warm, "
                        + records + " records; FileStore " + layout + " with email and age indexed loads every record"
                        + " (raw: read " + (layout.equals("file-per-record") ? "every record file on 4 threads"
                        : "its one file") + "); the peers open lazily, count and get one record")
                .with(FILESTORE, "OpenBenchmark.fileStoreOpen", "records", size, "layout", layout)
                .with(RAW_LIMIT, "OpenBenchmark.rawParallelRead", "records", size, "layout", layout)
                .with(SQLITE, "PeerOpenBenchmark.openCountAndGet", "peer", "sqlite", "records", size)
                .with(H2_MVSTORE, "PeerOpenBenchmark.openCountAndGet", "peer", "h2-mvstore", "records", size)
                .with(NITRITE, "PeerOpenBenchmark.openCountAndGet", "peer", "nitrite", "records", size)
                .without(H2_SQL, H2_SQL_NOT_OPENED).without(KEYVALUE, NO_DURABILITY);
    }

    static Workload firstOpen(int records) {
        String size = String.valueOf(records);
        String warmOnly = "measured warm only (its open is milliseconds, lazy)";
        return Workload.of("first open " + Workloads.count(records), "as open " + Workloads.count(records)
                        + " (file-per-record), but the first open (raw: the first read) in a new JVM, JIT cold, one"
                        + " shot per fork; an earlier fork wrote the data set, so nothing ran in the JVM before it")
                .with(FILESTORE, "OpenBenchmark.fileStoreFirstOpen", "records", size, "layout", "file-per-record")
                .with(RAW_LIMIT, "OpenBenchmark.rawFirstRead", "records", size, "layout", "file-per-record")
                .without(SQLITE, warmOnly).without(H2_SQL, warmOnly).without(H2_MVSTORE, warmOnly)
                .without(NITRITE, warmOnly).without(KEYVALUE, NO_DURABILITY);
    }
}
