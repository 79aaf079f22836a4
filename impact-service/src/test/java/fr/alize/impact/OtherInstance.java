package fr.alize.impact;

import fr.alize.impact.figures.Projector;
import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * What another impact-service instance does to the shared database, on a plain JDBC connection of its own (not this
 * application's pool): its own session, so its advisory locks and its writes are another instance's.
 */
public final class OtherInstance implements AutoCloseable {

    /** The first half of impact-service's advisory-lock keys (as in ClusterLock). */
    public static final int NAMESPACE = 0x494d5041;

    private final Connection connection;

    private OtherInstance(Connection connection) {
        this.connection = connection;
    }

    public static OtherInstance connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return new OtherInstance(DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class)));
    }

    public Connection connection() {
        return connection;
    }

    public int pid() throws SQLException {
        return (int) query("SELECT pg_backend_pid()");
    }

    /** Takes the lock of a work (1: the rebuild, 2: the yearly figures) if free. */
    public boolean tryLock(int work) throws SQLException {
        return query("SELECT pg_try_advisory_lock(" + NAMESPACE + ", " + work + ")::int") == 1;
    }

    /** Takes the lock of a work, waiting for it as long as it takes. */
    public void lock(int work) throws SQLException {
        query("SELECT 1 FROM (SELECT pg_advisory_lock(" + NAMESPACE + ", " + work + ")) locked");
    }

    public void unlock(int work) throws SQLException {
        query("SELECT pg_advisory_unlock(" + NAMESPACE + ", " + work + ")::int");
    }

    /** Runs statements in one transaction. */
    public void inTransaction(String... statements) throws SQLException {
        inTransaction(connection -> { }, statements);
    }

    @FunctionalInterface
    interface Work {
        void run(Connection connection) throws SQLException;
    }

    /** Runs some work, then statements, in one transaction. */
    private void inTransaction(Work work, String... statements) throws SQLException {
        connection.setAutoCommit(false);
        try (var statement = connection.createStatement()) {
            work.run(connection);
            for (String sql : statements) {
                statement.execute(sql);
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * What another instance's consumer does with a {@code JobsReported} event about an SME: stores it in the log of
     * the generation and applies it to the read model, with the other statements, in one transaction.
     */
    public void storeJobsReported(int generation, String smeId, String data, String occurredAt, String... statements)
            throws SQLException {
        String eventId = java.util.UUID.randomUUID().toString();
        inTransaction(c -> {
            try (var insert = c.createStatement()) {
                insert.execute("""
                        INSERT INTO impact_event_g%d (event_id, type, subject, occurred_at, recorded_at, schema_version,
                            aggregate_version, actor_role, actor_id, data, topic, kafka_partition, kafka_offset)
                        VALUES ('%s', 'JobsReported', 'sme', %s, now(), 1, 0, 'sme', 'sme', '%s', 'alize.needs', 0, -1)"""
                        .formatted(generation, eventId, occurredAt, data));
            }
            Projector.added(c, generation, List.of(new Projector.Added(eventId, "JobsReported", smeId, null)));
        }, statements);
    }

    /** The first column of the first row, as a number. */
    public long query(String sql) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
