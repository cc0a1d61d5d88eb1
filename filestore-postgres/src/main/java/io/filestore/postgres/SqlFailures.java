package io.filestore.postgres;

import java.sql.SQLException;
import java.util.UUID;

import io.filestore.CommitOutcomeUnknownException;
import io.filestore.SharedStoreUnavailableException;

/** Turns JDBC failures into the core's shared-store exceptions. */
final class SqlFailures {

    private SqlFailures() {
    }

    static SharedStoreUnavailableException unavailable(String doing, SQLException e) {
        return new SharedStoreUnavailableException("The shared store's PostgreSQL failed while " + doing + " ("
                + e.getSQLState() + "): " + e.getMessage(), e);
    }

    /**
     * Whether the failure means the connection is gone (class 08, connection exception; 57P, operator
     * intervention such as {@code pg_terminate_backend} or a shutdown), so a commit's outcome is unknown.
     */
    static boolean connectionLost(SQLException e) {
        String state = e.getSQLState();
        return state == null || state.startsWith("08") || state.startsWith("57P");
    }

    /** A failed {@code COMMIT}: outcome unknown when the connection went, else known not committed. */
    static SharedStoreUnavailableException commitFailed(UUID transactionId, long sequence, SQLException e) {
        if (connectionLost(e)) {
            return new CommitOutcomeUnknownException(transactionId, sequence, e);
        }
        return unavailable("committing sequence " + sequence, e);
    }
}
