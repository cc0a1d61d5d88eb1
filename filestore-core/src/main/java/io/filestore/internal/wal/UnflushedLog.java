package io.filestore.internal.wal;

/**
 * How many bytes of the log lie above its checkpoint: logged, but not yet known to be in the record
 * files, so an open after a crash would replay them. The appender adds each frame's size (under the
 * store's writer mutex, in sequence order); a flush takes a {@link #mark} with its snapshot, and once its
 * checkpoint is written, everything up to the mark is covered. A mark may include a transaction logged
 * but not yet applied when the snapshot was taken, so the figure can be one transaction low; it bounds
 * the backlog, it does not account for it exactly. Thread-safe.
 */
final class UnflushedLog {

    private volatile long appended;
    private volatile long covered;

    /** Counts a frame just appended; only the appender calls it, one at a time. */
    void appended(int frameBytes) {
        appended += frameBytes;
    }

    /** The log's end now, as a flush's snapshot sees it. */
    long mark() {
        return appended;
    }

    /** A checkpoint now covers everything up to the mark. */
    synchronized void coveredUpTo(long mark) {
        covered = Math.max(covered, mark);
    }

    /** The bytes logged after the last checkpoint's mark. */
    long aboveCheckpoint() {
        return Math.max(0, appended - covered);
    }
}
