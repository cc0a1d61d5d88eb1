package io.filestore.sample.audit;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/audit-logs?limit=n}: the newest audit entries, newest first. */
@RestController
@RequestMapping("/api/audit-logs")
@Validated
class AuditLogController {

    private final AuditTrail audit;

    AuditLogController(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping
    List<AuditLog> newest(@RequestParam(defaultValue = "20") @Min(1) @Max(1000) int limit) {
        return audit.newest(limit);
    }
}
