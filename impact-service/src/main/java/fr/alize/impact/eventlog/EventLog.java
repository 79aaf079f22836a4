package fr.alize.impact.eventlog;

import fr.alize.impact.figures.Projector;
import fr.alize.platform.events.EventEnvelope;
import fr.alize.platform.events.IdempotentConsumer;
import fr.alize.platform.events.RecordRejectedException;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The append-only log of every event impact-service read: one row per event id, with its type, subject, times, actor,
 * data (JSONB) and Kafka position. Every report is derived from it. The rows live in the table of the current
 * generation ({@code impact_event_g<n>}); a rebuild fills the next one and switches the pointer.
 */
@ApplicationScoped
public class EventLog {

    static final String CONSUMER = "impact-event-log";

    @Inject
    IdempotentConsumer idempotent;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    MeterRegistry meters;

    public static String table(int generation) {
        return "impact_event_g" + generation;
    }

    /**
     * Marks, in the caller's transaction, that figures may have changed (events stored, a target set, a rebuild
     * switched): whichever instance publishes the yearly figures sees the change once it commits.
     */
    public static void figuresChanged(Connection connection) throws SQLException {
        try (PreparedStatement bump = connection.prepareStatement("UPDATE figures_change SET version = version + 1 WHERE id = 1")) {
            bump.executeUpdate();
        }
    }

    /** Adds, in the caller's transaction, events stored in a generation to its count ({@link #status}). */
    static void counted(Connection connection, int generation, long stored) throws SQLException {
        try (PreparedStatement add = connection.prepareStatement("""
                INSERT INTO event_log_count (generation, events) VALUES (?, ?)
                ON CONFLICT (generation) DO UPDATE SET events = event_log_count.events + EXCLUDED.events""")) {
            add.setInt(1, generation);
            add.setLong(2, stored);
            add.executeUpdate();
        }
    }

    /** How many changes of the figures were committed so far (by any instance). */
    public long figuresVersion() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT version FROM figures_change WHERE id = 1");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the changes of the figures", e);
        }
    }

    /**
     * Applies the records of one poll, in one transaction: each event stored once per event id (the platform's
     * {@link IdempotentConsumer#applyBatch}), an unknown type skipped and counted, an event that fails
     * {@link EventChecks} parked (the platform then applies the rest of the poll without it).
     */
    public IdempotentConsumer.BatchOutcome consume(List<ConsumerRecord<String, String>> records) {
        return idempotent.applyBatch(CONSUMER, records, events -> {
            try (Connection connection = dataSource.getConnection()) {
                // FOR SHARE: a rebuild's switch waits for these writes, and these writes wait for the switch
                int generation = currentGeneration(connection, true);
                List<IdempotentConsumer.NewEvent> known = new ArrayList<>();
                for (IdempotentConsumer.NewEvent event : events) {
                    String problem = EventChecks.problem(event.event(), event.record().value());
                    if (problem != null) {
                        throw new RecordRejectedException(problem);
                    }
                    if (EventTypes.isKnown(event.event().type())) {
                        known.add(event);
                    } else {
                        countUnknown(connection, event.event());
                    }
                }
                if (!known.isEmpty()) {
                    List<Projector.Added> stored = insert(connection, generation, known);
                    Projector.added(connection, generation, stored);
                    counted(connection, generation, stored.size());
                    figuresChanged(connection);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not record " + events.size() + " events", e);
            }
        });
    }

    /** Stores the events (each id once) in one statement; returns those it stored (not those already there). */
    private static List<Projector.Added> insert(Connection connection, int generation, List<IdempotentConsumer.NewEvent> events)
            throws SQLException {
        int size = events.size();
        Object[][] columns = new Object[13][size];
        for (int i = 0; i < size; i++) {
            EventEnvelope event = events.get(i).event();
            Object[] row = {event.id(), event.type(), event.subject(), Timestamp.from(event.time()),
                    new Timestamp(events.get(i).record().timestamp()), event.schemaVersion(), event.aggregateVersion(),
                    event.actorRole(), event.actorId(), event.data().toString(), event.topic(), event.partition(),
                    event.offset()};
            for (int c = 0; c < row.length; c++) {
                columns[c][i] = row[c];
            }
        }
        String[] types = {"text", "text", "text", "timestamptz", "timestamptz", "int4", "int8", "text", "text", "text",
                "text", "int4", "int8"};
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table(generation) + " (event_id, type,"
                + " subject, occurred_at, recorded_at, schema_version, aggregate_version, actor_role, actor_id, data,"
                + " topic, kafka_partition, kafka_offset)"
                + " SELECT e, t, s, o, r, sv, av, ar, ai, d::jsonb, tp, p, ko FROM unnest(?::text[], ?::text[], ?::text[],"
                + " ?::timestamptz[], ?::timestamptz[], ?::int[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[],"
                + " ?::int[], ?::bigint[]) AS x(e, t, s, o, r, sv, av, ar, ai, d, tp, p, ko)"
                + " ON CONFLICT (event_id) DO NOTHING RETURNING " + Projector.Added.RETURNING)) {
            for (int c = 0; c < columns.length; c++) {
                insert.setArray(c + 1, connection.createArrayOf(types[c], columns[c]));
            }
            List<Projector.Added> stored = new ArrayList<>();
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    stored.add(Projector.Added.of(rows));
                }
            }
            return stored;
        }
    }

    private void countUnknown(Connection connection, EventEnvelope event) throws SQLException {
        meters.counter("alize.impact.events.unknown", "type", event.type(), "topic", event.topic()).increment();
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO unknown_event_type (type, topic, occurrences, last_seen) VALUES (?, ?, 1, clock_timestamp())
                ON CONFLICT (type, topic) DO UPDATE SET occurrences = unknown_event_type.occurrences + 1,
                                                        last_seen = excluded.last_seen""")) {
            upsert.setString(1, event.type());
            upsert.setString(2, event.topic());
            upsert.executeUpdate();
        }
    }

    static int currentGeneration(Connection connection, boolean lockForWrite) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT current_generation FROM event_log_generation WHERE id = 1" + (lockForWrite ? " FOR SHARE" : ""));
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    public int currentGeneration() {
        try (Connection connection = dataSource.getConnection()) {
            return currentGeneration(connection, false);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event log generation", e);
        }
    }

    /** Maps one result row. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    /**
     * Runs a report query over the events recorded by {@code asOf} (null: every event recorded so far). The SQL sees them as the relation {@code events};
     * it may add its own common table expressions after a comma ({@code ", x AS (...) SELECT ..."}) or start with
     * {@code SELECT}.
     */
    public <T> List<T> query(Instant asOf, String sql, List<?> parameters, Row<T> mapper) {
        try (Connection connection = dataSource.getConnection()) {
            String events = "WITH events AS NOT MATERIALIZED (SELECT * FROM " + table(currentGeneration(connection, false))
                    + (asOf == null ? ")" : " WHERE recorded_at <= ?)");
            String full = sql.stripLeading().startsWith(",") ? events + sql : events + " " + sql;
            try (PreparedStatement statement = connection.prepareStatement(full)) {
                int index = 1;
                if (asOf != null) {
                    statement.setTimestamp(index++, Timestamp.from(asOf));
                }
                for (Object parameter : parameters) {
                    statement.setObject(index++, parameter);
                }
                List<T> result = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        result.add(mapper.map(rows));
                    }
                }
                return result;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("report query failed", e);
        }
    }

    /** How many events the log holds, and the unknown types skipped so far. */
    public Status status() {
        try (Connection connection = dataSource.getConnection()) {
            int generation = currentGeneration(connection, false);
            long events = 0;
            try (PreparedStatement count = connection.prepareStatement("SELECT events FROM event_log_count WHERE generation = ?")) {
                count.setInt(1, generation);
                try (ResultSet row = count.executeQuery()) {
                    if (row.next()) {
                        events = row.getLong(1);
                    }
                }
            }
            Map<String, Long> unknown = new TreeMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT type, sum(occurrences) FROM unknown_event_type GROUP BY type");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    unknown.put(rows.getString(1), rows.getLong(2));
                }
            }
            return new Status(generation, events, unknown);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event log status", e);
        }
    }

    public record Status(int generation, long events, Map<String, Long> unknownTypesSkipped) {
    }
}
