package io.filestore.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import io.filestore.SharedStoreUnavailableException;

/**
 * Reports a shared store whose database could not be reached at startup (a store opens only from a
 * snapshot of the database), saying where the database is configured.
 */
final class SharedStoreUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<SharedStoreUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SharedStoreUnavailableException cause) {
        String action = "Check that PostgreSQL is running and reachable at 'filestore.shared.url' (or, when that is "
                + "unset, the application's DataSource, spring.datasource.url), and that 'filestore.shared.username' "
                + "and 'filestore.shared.password' are right; or set 'filestore.shared.enabled' to false.";
        return new FailureAnalysis("FileStore could not open its shared store: " + cause.getMessage(), action, cause);
    }
}
