package io.filestore.sample.audit;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Limit;

import io.filestore.data.repository.FileStoreRepository;

/** Audit entries. */
public interface AuditLogRepository extends FileStoreRepository<AuditLog, String> {

    /** The newest entries up to {@code at}: a range of the {@code at} index read from its end, stopping at the limit. */
    List<AuditLog> findByAtLessThanEqualOrderByAtDesc(Instant at, Limit limit);
}
