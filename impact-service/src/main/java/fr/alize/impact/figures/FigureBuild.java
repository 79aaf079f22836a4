package fr.alize.impact.figures;

import fr.alize.impact.eventlog.EventLog;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the read model of a generation from all of its events at once (a rebuild): each subject's changes over
 * recording time are streamed into a scratch table with COPY, subject after subject, then summed per series and
 * instant and turned into running values in one statement. Gives exactly what applying the same events one batch at
 * a time gives ({@link Projector}), since both add up the same changes; repeatable (the read model is emptied first).
 */
public final class FigureBuild {

    private static final int FETCH = 5_000;

    private FigureBuild() {
    }

    /** Returns the series rows written. */
    public static long build(DataSource dataSource, int generation) throws SQLException {
        try (Connection writer = dataSource.getConnection(); Connection reader = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            reader.setAutoCommit(false);
            try (Statement statement = writer.createStatement()) {
                FigureStore.clear(writer, generation);
                statement.execute("CREATE TEMPORARY TABLE figure_change (figure TEXT, year INT, key TEXT,"
                        + " recorded_at TIMESTAMPTZ, v1 NUMERIC, v2 NUMERIC, n BIGINT) ON COMMIT DROP");
                CopyIn copy = writer.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY figure_change FROM STDIN");
                try {
                    for (Projector.Subject subject : Projector.Subject.values()) {
                        copySubjects(reader, generation, subject, copy);
                    }
                    copy.endCopy();
                } finally {
                    if (copy.isActive()) {
                        copy.cancelCopy();
                    }
                }
                long rows = statement.executeUpdate("INSERT INTO " + FigureStore.table(generation) + """
                         (figure, year, key, recorded_at, v1, v2, n)
                        SELECT figure, year, key, recorded_at, sum(v1) OVER w, sum(v2) OVER w, sum(n) OVER w
                        FROM (SELECT figure, year, key, recorded_at, sum(v1) AS v1, sum(v2) AS v2, sum(n) AS n
                              FROM figure_change GROUP BY 1, 2, 3, 4) c
                        WINDOW w AS (PARTITION BY figure, year, key ORDER BY recorded_at)""");
                statement.executeUpdate("INSERT INTO " + FigureStore.keyTable(generation)
                        + " (figure, year, key) SELECT DISTINCT figure, year, key FROM figure_change");
                writer.commit();
                reader.commit();
                return rows;
            } catch (SQLException | RuntimeException e) {
                writer.rollback();
                reader.rollback();
                throw e;
            }
        }
    }

    /** Reads the subjects' events in subject order, and copies the changes of each subject as soon as it is read. */
    private static void copySubjects(Connection reader, int generation, Projector.Subject subject, CopyIn copy)
            throws SQLException {
        try (PreparedStatement select = reader.prepareStatement("SELECT " + Projector.columns() + ", data ->> '"
                + subject.field + "' AS subject FROM " + EventLog.table(generation) + " WHERE type = ANY(?) AND data ->> '"
                + subject.field + "' IS NOT NULL ORDER BY subject")) {
            select.setArray(1, reader.createArrayOf("text", subject.types.toArray()));
            select.setFetchSize(FETCH);
            List<LoggedEvent> events = new ArrayList<>();
            String current = null;
            StringBuilder lines = new StringBuilder();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String id = rows.getString(7);
                    if (!id.equals(current)) {
                        write(Timeline.of(events, subject.figures), lines, copy);
                        events.clear();
                        current = id;
                    }
                    events.add(Projector.event(rows));
                }
            }
            write(Timeline.of(events, subject.figures), lines, copy);
            flush(lines, copy, 0);
        }
    }

    private static void write(Map<FigureKey, TreeMap<Instant, Measures>> changes, StringBuilder lines, CopyIn copy)
            throws SQLException {
        changes.forEach((key, series) -> series.forEach((at, m) -> lines.append(key.figure().name()).append('\t')
                .append(key.year()).append('\t').append(escape(key.key())).append('\t').append(at).append('\t')
                .append(m.v1().toPlainString()).append('\t').append(m.v2().toPlainString()).append('\t').append(m.n())
                .append('\n')));
        flush(lines, copy, 1 << 20);
    }

    private static void flush(StringBuilder lines, CopyIn copy, int threshold) throws SQLException {
        if (lines.length() > threshold) {
            byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            lines.setLength(0);
        }
    }

    /** COPY's text format: backslash, tab and line breaks escaped. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
