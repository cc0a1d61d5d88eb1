package io.filestore.sample.audit;

import java.time.Clock;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;

/** Appends audit entries (inside the caller's transaction, when it has one) and reads the newest. */
@Service
public class AuditTrail {

    private final AuditLogRepository entries;
    private final Clock clock = Clock.systemUTC();

    AuditTrail(AuditLogRepository entries) {
        this.entries = entries;
    }

    /** Appends an entry saying that {@code action} happened to the user now. */
    public void record(String action, String userId) {
        entries.save(new AuditLog(action, userId, clock.instant()));
    }

    /** At most {@code limit} entries, newest first. */
    public List<AuditLog> newest(int limit) {
        return entries.findByAtLessThanEqualOrderByAtDesc(clock.instant(), Limit.of(limit));
    }
}
