package io.filestore.store;

import java.time.Duration;
import java.time.Instant;

/** Counters of the flusher, for {@link io.filestore.StoreStatus}. Thread-safe. */
final class FlushStatistics {

    private long flushCount;
    private long failures;
    private long recordsWritten;
    private Instant lastFlushAt;
    private Duration lastDuration = Duration.ZERO;
    private String lastError;

    synchronized void succeeded(Instant at, Duration took, int records) {
        flushCount++;
        recordsWritten += records;
        lastFlushAt = at;
        lastDuration = took;
        lastError = null;
    }

    synchronized void failed(Throwable error) {
        failures++;
        lastError = String.valueOf(error.getMessage());
    }

    synchronized long flushCount() {
        return flushCount;
    }

    synchronized long failures() {
        return failures;
    }

    synchronized long recordsWritten() {
        return recordsWritten;
    }

    synchronized Instant lastFlushAt() {
        return lastFlushAt;
    }

    synchronized Duration lastDuration() {
        return lastDuration;
    }

    synchronized String lastError() {
        return lastError;
    }
}
