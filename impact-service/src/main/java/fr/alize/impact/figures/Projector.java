package fr.alize.impact.figures;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.alize.impact.eventlog.EventLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Keeps the read model of a generation up to date as events are added to its log, in the transaction that adds them:
 * for every subject the new events are about, its contributions over recording time are computed from its events
 * without and with them ({@link Timeline}), and the difference is added to the series ({@link FigureStore}). A subject
 * has a handful of events (an SME's profile, starts, job reports and declarations; a mission's time entries), so the
 * cost of an event does not grow with history.
 */
public final class Projector {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "event_id, type, occurred_at, recorded_at, aggregate_version, data";

    /** A kind of subject: the field of the event data that names it, its event types and what it contributes. */
    enum Subject {
        SME("smeId", SubjectFigures.SME_TYPES, SubjectFigures::ofSme),
        MISSION("missionId", SubjectFigures.MISSION_TYPES, SubjectFigures::ofMission);

        final String field;
        final List<String> types;
        final Function<List<LoggedEvent>, Map<FigureKey, Measures>> figures;

        Subject(String field, List<String> types, Function<List<LoggedEvent>, Map<FigureKey, Measures>> figures) {
            this.field = field;
            this.types = types;
            this.figures = figures;
        }
    }

    private Projector() {
    }

    /** Applies to the read model the events of the log with these ids, just added to it in this transaction. */
    public static void added(Connection connection, int generation, Collection<String> eventIds) throws SQLException {
        if (eventIds.isEmpty()) {
            return;
        }
        String table = EventLog.table(generation);
        Map<Subject, Set<String>> subjects = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT type, data ->> 'smeId', data ->> 'missionId' FROM " + table + " WHERE event_id = ANY(?)")) {
            select.setArray(1, connection.createArrayOf("text", eventIds.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    for (Subject subject : Subject.values()) {
                        String id = rows.getString(subject == Subject.SME ? 2 : 3);
                        if (subject.types.contains(rows.getString(1)) && id != null) {
                            subjects.computeIfAbsent(subject, s -> new HashSet<>()).add(id);
                        }
                    }
                }
            }
        }
        Set<String> added = new HashSet<>(eventIds);
        Map<FigureKey, TreeMap<Instant, Measures>> changes = new TreeMap<>();
        for (Map.Entry<Subject, Set<String>> entry : subjects.entrySet()) {
            Subject subject = entry.getKey();
            for (List<LoggedEvent> events : eventsOf(connection, table, subject, entry.getValue()).values()) {
                List<LoggedEvent> before = events.stream().filter(e -> !added.contains(e.id())).toList();
                Map<FigureKey, TreeMap<Instant, Measures>> difference = Timeline.difference(
                        Timeline.of(events, subject.figures), Timeline.of(before, subject.figures));
                difference.forEach((key, series) -> series.forEach((at, change) -> Timeline.add(changes, key, at, change)));
            }
        }
        FigureStore.apply(connection, generation, changes);
    }

    /** The events of these subjects in the log, by subject. */
    private static Map<String, List<LoggedEvent>> eventsOf(Connection connection, String table, Subject subject,
                                                           Set<String> ids) throws SQLException {
        Map<String, List<LoggedEvent>> events = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + ", data ->> '" + subject.field
                + "' FROM " + table + " WHERE data ->> '" + subject.field + "' = ANY(?) AND type = ANY(?)")) {
            select.setArray(1, connection.createArrayOf("text", ids.toArray()));
            Array types = connection.createArrayOf("text", subject.types.toArray());
            select.setArray(2, types);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.computeIfAbsent(rows.getString(7), id -> new ArrayList<>()).add(event(rows));
                }
            }
        }
        return events;
    }

    static LoggedEvent event(ResultSet row) throws SQLException {
        try {
            return new LoggedEvent(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant(),
                    row.getTimestamp(4).toInstant(), row.getLong(5), JSON.readTree(row.getString(6)));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable event data of " + row.getString(1), e);
        }
    }

    /** Columns {@link #event} reads, in its order. */
    static String columns() {
        return COLUMNS;
    }
}
