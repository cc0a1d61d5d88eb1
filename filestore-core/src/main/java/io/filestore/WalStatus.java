package io.filestore;

import java.util.List;

/**
 * A snapshot of the write-ahead log's state, for health checks and metrics ({@link StoreStatus#wal()}).
 *
 * @param segments           segment files on disk
 * @param bytes              their total size
 * @param lastSequence       the last sequence written to the log (0 for none)
 * @param checkpointSequence the last sequence the record files cover
 * @param pendingWrites      appends waiting for the log writer
 * @param fsyncCount         fsyncs of segment files since open
 * @param lastFsyncNanos     the latest fsync's duration
 * @param maxFsyncNanos      the slowest fsync since open
 * @param totalFsyncNanos    all fsyncs' durations added up (divide by the count for the mean)
 * @param failure            why the log stopped accepting writes, or {@code null} while it is healthy
 * @param acceptedLoss       what this open found missing from the log and accepted to lose
 *                           ({@code acceptLogLoss}), one entry per gap; empty normally
 */
public record WalStatus(int segments, long bytes, long lastSequence, long checkpointSequence, int pendingWrites,
                        long fsyncCount, long lastFsyncNanos, long maxFsyncNanos, long totalFsyncNanos,
                        String failure, List<String> acceptedLoss) {
}
