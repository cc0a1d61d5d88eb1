package io.filestore.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Trims the change table: every entry all live instances have applied, and every entry older than the
 * retention, but never the newest (it holds the current sequence). The highest trimmed sequence goes to
 * {@code filestore_state.trimmed_through}, which tells an instance further behind to reload a snapshot.
 */
final class Trimming {

    private Trimming() {
    }

    static void trim(Connection connection, Duration instanceTimeout, Duration retention) throws SQLException {
        long newest = PostgresSharedStorage.single(connection, "select coalesce(max(seq), 0) from filestore_changes");
        long live = query(connection, "select coalesce(min(applied_seq), ?::bigint) from filestore_instances"
                + " where heartbeat > now() - make_interval(secs => ?)", newest, instanceTimeout.toSeconds());
        long expired = query(connection, "select coalesce(max(seq), 0) from filestore_changes"
                + " where committed_at < now() - make_interval(secs => ?)", retention.toSeconds());
        long trimTo = Math.min(Math.max(live, expired), newest - 1);
        long trimmed = PostgresSharedStorage.single(connection, "select value from filestore_state where name = 'trimmed_through'");
        if (trimTo <= trimmed) {
            return;
        }
        PostgresSchema.inTransaction(connection, () -> {
            try (PreparedStatement delete = connection.prepareStatement("delete from filestore_changes where seq <= ?");
                 PreparedStatement mark = connection.prepareStatement(
                         "update filestore_state set value = greatest(value, ?) where name = 'trimmed_through'")) {
                delete.setLong(1, trimTo);
                delete.executeUpdate();
                mark.setLong(1, trimTo);
                mark.executeUpdate();
            }
        });
    }

    private static long query(Connection connection, String sql, long... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setDouble(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }
}
