package fr.alize.impact;

import fr.alize.testing.sweep.ApiSweepTestBase;
import io.quarkus.test.junit.QuarkusTest;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Every operation of the OpenAPI document answers every kind of caller as docs/security.md says, and bad input
 * (malformed, mistyped, incomplete, oversized bodies, invalid ids) gets a 4xx problem+json and appends nothing.
 */
@QuarkusTest
class ApiSweepIT extends ApiSweepTestBase {

    @Override
    protected String service() {
        return "impact-service";
    }

    @Override
    protected String topic() {
        return "alize.impact.yearly";
    }

    /** impact-service keeps no event store: what its API writes are the targets the CCI sets. */
    @Override
    protected long storedRows(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM annual_target")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
