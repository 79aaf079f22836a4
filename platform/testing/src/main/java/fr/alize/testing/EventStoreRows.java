package fr.alize.testing;

import javax.sql.DataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the service's event store table directly, to check what was (not) appended. */
public final class EventStoreRows {

    private EventStoreRows() {
    }

    public static long count(DataSource dataSource) {
        return query(dataSource, "SELECT count(*) FROM domain_event_entry", null);
    }

    public static long countFor(DataSource dataSource, String aggregateId) {
        return query(dataSource, "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", aggregateId);
    }

    private static long query(DataSource dataSource, String sql, String parameter) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
