package io.filestore.internal.store;

import java.time.Duration;
import java.time.Instant;

/** Counters of the flusher, for {@link io.filestore.StoreStatus}. Thread-safe. */
final class FlushStatistics {

    private long flushCount;
    private long failures;
    private Instant lastFlushAt;
    private Duration lastDuration = Duration.ZERO;
    private String lastError;

    synchronized void succeeded(Instant at, Duration took) {
        flushCount++;
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
