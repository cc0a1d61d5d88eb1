package io.filestore.benchmarks.peer;

/**
 * How far a peer's commit goes before a write returns, matched to FileStore's two modes.
 */
public enum CommitMode {

    /**
     * Every commit is forced to disk ({@code fsync}) before it returns: it survives a power loss.
     * FileStore's {@code wal: true} with {@code fsync-interval} 0; SQLite {@code synchronous=FULL}.
     */
    FSYNC,

    /**
     * Every commit is handed to the operating system but not forced: it survives a crash of the
     * process, not of the machine. FileStore's {@code fsync-interval} > 0; SQLite
     * {@code synchronous=NORMAL} in WAL mode.
     */
    WRITE
}
