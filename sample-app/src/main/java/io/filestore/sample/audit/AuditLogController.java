package io.filestore.sample.audit;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/audit-logs?limit=n}: the newest audit entries, newest first. A limit outside 1..1000
 * is a 400 problem: Spring MVC validates the constraints on the parameter itself (a class-level
 * {@code @Validated} would validate through a proxy instead, whose exception is no client error).
 */
@RestController
@RequestMapping("/api/audit-logs")
class AuditLogController {

    private static final String LIMIT_RANGE = "must be between 1 and 1000";

    private final AuditTrail audit;

    AuditLogController(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping
    List<AuditLog> newest(@RequestParam(defaultValue = "20") @Min(value = 1, message = LIMIT_RANGE)
                          @Max(value = 1000, message = LIMIT_RANGE) int limit) {
        return audit.newest(limit);
    }
}
