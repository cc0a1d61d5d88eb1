package io.filestore.internal.wal;

import java.util.concurrent.atomic.AtomicLong;

/** Counts the log's fsyncs and their latency, for metrics. Thread-safe. */
final class FsyncStatistics {

    private final AtomicLong count = new AtomicLong();
    private final AtomicLong totalNanos = new AtomicLong();
    private volatile long lastNanos;
    private volatile long maxNanos;

    void record(long nanos) {
        count.incrementAndGet();
        totalNanos.addAndGet(nanos);
        lastNanos = nanos;
        if (nanos > maxNanos) {
            maxNanos = nanos; // a lost race only misses a maximum by one concurrent sample
        }
    }

    long count() {
        return count.get();
    }

    long totalNanos() {
        return totalNanos.get();
    }

    long lastNanos() {
        return lastNanos;
    }

    long maxNanos() {
        return maxNanos;
    }
}
