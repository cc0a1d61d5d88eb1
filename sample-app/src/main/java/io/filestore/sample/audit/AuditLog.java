package io.filestore.sample.audit;

import java.time.Instant;

import org.springframework.data.annotation.Id;

import io.filestore.annotation.Document;
import io.filestore.annotation.Indexed;

/**
 * One audit entry, a line of the append-only {@code logs/audit.jsonl}. {@code at} is indexed so the
 * newest entries are read from the end of its sorted index, never by sorting the whole log.
 */
@Document("auditLogs")
public class AuditLog {

    @Id
    private String id;
    @Indexed
    private String action;
    private String userId;
    @Indexed
    private Instant at;

    public AuditLog() {
    }

    public AuditLog(String action, String userId, Instant at) {
        this.action = action;
        this.userId = userId;
        this.at = at;
    }

    public String getId() {
        return id;
    }

    public String getAction() {
        return action;
    }

    public String getUserId() {
        return userId;
    }

    public Instant getAt() {
        return at;
    }
}
