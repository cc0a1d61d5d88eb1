package io.filestore.sample.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.filestore.FileStore;
import io.filestore.StoreStatus;

/** {@code GET /api/store}: what the page at {@code /} shows about the store. */
@RestController
class StoreController {

    private final FileStore store;

    StoreController(FileStore store) {
        this.store = store;
    }

    @GetMapping("/api/store")
    Summary summary() {
        StoreStatus status = store.status();
        return new Summary(status.dataDir().toAbsolutePath().toString(), new TreeMap<>(status.recordCounts()),
                new TreeMap<>(status.dirtyRecords()), status.flushCount(), status.lastFlushAt(),
                status.lastFlushDuration(), status.lastFlushError(), status.fenced(), status.fencedReason(),
                status.quarantinedFiles());
    }

    /**
     * @param pendingWrites    records changed in memory and not yet in their files, per collection
     * @param lastFlushAt      {@code null} before the first flush
     * @param lastFlushError   the last failed flush's message (it is retried), or {@code null}
     * @param fenced           whether the store turned read-only (a write-ahead log failure, its lock file lost)
     * @param fencedReason     why, or {@code null}
     * @param quarantinedFiles malformed files moved aside since the store opened
     */
    record Summary(String dataDir, Map<String, Integer> records, Map<String, Integer> pendingWrites,
                   long flushes, Instant lastFlushAt, Duration lastFlushDuration, String lastFlushError,
                   boolean fenced, String fencedReason, List<String> quarantinedFiles) {
    }
}
