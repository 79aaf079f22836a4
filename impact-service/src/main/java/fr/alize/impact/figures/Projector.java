package fr.alize.impact.figures;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.alize.impact.eventlog.EventLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
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

    /** An event just added to the log: its id, type and the subjects it may be about. */
    public record Added(String id, String type, String smeId, String missionId) {

        /** The columns an {@code INSERT ... RETURNING} into the log gives for {@link #of}. */
        public static final String RETURNING = "event_id, type, data ->> 'smeId', data ->> 'missionId'";

        public static Added of(ResultSet row) throws SQLException {
            return new Added(row.getString(1), row.getString(2), row.getString(3), row.getString(4));
        }
    }

    /** Applies to the read model these events, just added to the log of the generation in this transaction. */
    public static void added(Connection connection, int generation, Collection<Added> events) throws SQLException {
        Set<String> smes = new HashSet<>();
        Set<String> missions = new HashSet<>();
        Set<String> added = new HashSet<>();
        for (Added event : events) {
            added.add(event.id());
            if (Subject.SME.types.contains(event.type()) && event.smeId() != null) {
                smes.add(event.smeId());
            } else if (Subject.MISSION.types.contains(event.type()) && event.missionId() != null) {
                missions.add(event.missionId());
            }
        }
        if (smes.isEmpty() && missions.isEmpty()) {
            return;
        }
        Map<FigureKey, TreeMap<Instant, Measures>> changes = new TreeMap<>();
        eventsOf(connection, EventLog.table(generation), smes, missions).forEach((subject, bySubject) -> {
            for (List<LoggedEvent> subjectEvents : bySubject.values()) {
                List<LoggedEvent> before = subjectEvents.stream().filter(e -> !added.contains(e.id())).toList();
                Timeline.difference(Timeline.of(subjectEvents, subject.figures), Timeline.of(before, subject.figures))
                        .forEach((key, series) -> series.forEach((at, change) -> Timeline.add(changes, key, at, change)));
            }
        });
        FigureStore.apply(connection, generation, changes);
    }

    /** Every event in the log of these SMEs and missions, by kind of subject then subject, in one query. */
    private static Map<Subject, Map<String, List<LoggedEvent>>> eventsOf(Connection connection, String table,
                                                                         Set<String> smes, Set<String> missions)
            throws SQLException {
        Map<Subject, Map<String, List<LoggedEvent>>> events = new EnumMap<>(Subject.class);
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + ", data ->> 'smeId', data ->> 'missionId'"
                + " FROM " + table + " WHERE (data ->> 'smeId' = ANY(?) AND type = ANY(?))"
                + " OR (data ->> 'missionId' = ANY(?) AND type = ANY(?))")) {
            select.setArray(1, connection.createArrayOf("text", smes.toArray()));
            select.setArray(2, connection.createArrayOf("text", Subject.SME.types.toArray()));
            select.setArray(3, connection.createArrayOf("text", missions.toArray()));
            select.setArray(4, connection.createArrayOf("text", Subject.MISSION.types.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Subject subject = Subject.SME.types.contains(rows.getString(2)) ? Subject.SME : Subject.MISSION;
                    String id = rows.getString(subject == Subject.SME ? 7 : 8);
                    events.computeIfAbsent(subject, s -> new HashMap<>()).computeIfAbsent(id, i -> new ArrayList<>())
                            .add(event(rows));
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
