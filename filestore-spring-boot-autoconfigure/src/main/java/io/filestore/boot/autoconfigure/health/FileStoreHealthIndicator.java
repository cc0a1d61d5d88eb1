package io.filestore.boot.autoconfigure.health;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import io.filestore.FileStore;
import io.filestore.SharedStatus;
import io.filestore.StoreStatus;

/**
 * The health of a {@link FileStore}: DOWN while it is fenced (read-only after a write-ahead log
 * failure; reopening recovers), OUT_OF_SERVICE once closed, UP otherwise. Details: {@code dataDir},
 * {@code collections} (records per collection), {@code walBytes}, {@code lastFlushAt} (absent before the
 * first flush), {@code lastFlushDuration}, and when they apply {@code fencedReason},
 * {@code lastFlushError} (a failed flush is retried, so it alone does not make the store DOWN) and
 * {@code quarantinedFiles}. A shared store is DOWN while its database cannot be reached (writes fail
 * fast, reads keep working from memory, and it catches up on its own once the database answers); its
 * {@code shared} detail holds {@code instanceId}, {@code writable}, {@code appliedSequence} and, when not
 * writable, {@code problem}.
 */
public class FileStoreHealthIndicator extends AbstractHealthIndicator {

    private final FileStore store;

    /** The health of the given store. */
    public FileStoreHealthIndicator(FileStore store) {
        super("FileStore health check failed");
        this.store = store;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        StoreStatus status = store.status();
        SharedStatus shared = status.shared();
        if (status.fenced()) {
            builder.down().withDetail("fencedReason", String.valueOf(status.fencedReason()));
        } else if (!status.open()) {
            builder.outOfService();
        } else if (shared != null && !shared.writable()) {
            builder.down();
        } else {
            builder.up();
        }
        if (shared != null) {
            builder.withDetail("shared", shared(shared));
        }
        builder.withDetail("dataDir", status.dataDir().toString())
                .withDetail("collections", status.recordCounts())
                .withDetail("walBytes", status.wal().bytes())
                .withDetail("lastFlushDuration", status.lastFlushDuration().toString());
        if (status.lastFlushAt() != null) {
            builder.withDetail("lastFlushAt", status.lastFlushAt().toString());
        }
        if (status.lastFlushError() != null) {
            builder.withDetail("lastFlushError", status.lastFlushError());
        }
        if (!status.quarantinedFiles().isEmpty()) {
            builder.withDetail("quarantinedFiles", status.quarantinedFiles());
        }
    }

    private static Map<String, Object> shared(SharedStatus shared) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("instanceId", shared.instanceId());
        details.put("writable", shared.writable());
        details.put("appliedSequence", shared.appliedSequence());
        if (shared.problem() != null) {
            details.put("problem", shared.problem());
        }
        return details;
    }
}
