package io.filestore.benchmarks.report;

/** The columns of the report: FileStore, the raw-I/O limit of the machine, and the peers. */
public enum StoreColumn {

    FILESTORE("FileStore"),
    RAW_LIMIT("raw I/O limit"),
    SQLITE("SQLite"),
    H2_SQL("H2 SQL"),
    H2_MVSTORE("H2 MVStore"),
    NITRITE("Nitrite"),
    KEYVALUE("Spring Data KeyValue");

    private final String title;

    StoreColumn(String title) {
        this.title = title;
    }

    /** The column heading. */
    public String title() {
        return title;
    }
}
