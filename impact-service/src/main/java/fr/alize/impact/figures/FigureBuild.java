package fr.alize.impact.figures;

import fr.alize.impact.eventlog.EventLog;
import org.jboss.logging.Logger;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Builds the read model of a generation from all of its events at once (a rebuild): each subject's changes over
 * recording time are summed per series and instant as the subjects are read (several shares of the subjects at once),
 * streamed into a scratch table with COPY in bounded chunks, then summed again and turned into running values in one
 * statement. Gives exactly what applying
 * the same events one batch at a time gives ({@link Projector}), since both add up the same changes; repeatable (the
 * read model is emptied first).
 */
public final class FigureBuild {

    private static final Logger LOG = Logger.getLogger(FigureBuild.class);
    private static final int FETCH = 5_000;
    /** At most this many (series, instant) sums held before they are copied: a few tens of MB. */
    private static final int PENDING = 200_000;

    private FigureBuild() {
    }

    /**
     * Returns the series rows written. The subjects are read in {@code streams} disjoint shares at once (by a hash of
     * the subject's id, so that each subject's events are all in one share), each on a connection of its own; their
     * changes go to one scratch table, written by one connection in turn.
     */
    public static long build(DataSource dataSource, int generation, int streams,
                             Consumer<List<Runnable>> runSideBySide) throws SQLException {
        try (Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            try (Statement statement = writer.createStatement()) {
                FigureStore.clear(writer, generation);
                statement.execute("CREATE TEMPORARY TABLE figure_change (figure TEXT, year INT, key TEXT,"
                        + " recorded_at TIMESTAMPTZ, v1 NUMERIC, v2 NUMERIC, n BIGINT) ON COMMIT DROP");
                CopyIn copy = writer.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY figure_change FROM STDIN");
                long start = System.nanoTime();
                try {
                    List<Runnable> shares = new ArrayList<>();
                    for (int share = 0; share < streams; share++) {
                        int hash = share;
                        shares.add(() -> readShare(dataSource, generation, hash, streams, copy));
                    }
                    runSideBySide.accept(shares);
                    copy.endCopy();
                } finally {
                    if (copy.isActive()) {
                        copy.cancelCopy();
                    }
                }
                long copied = System.nanoTime();
                long rows = statement.executeUpdate("INSERT INTO " + FigureStore.table(generation) + """
                         (figure, year, key, recorded_at, v1, v2, n)
                        SELECT figure, year, key, recorded_at, sum(v1) OVER w, sum(v2) OVER w, sum(n) OVER w
                        FROM (SELECT figure, year, key, recorded_at, sum(v1) AS v1, sum(v2) AS v2, sum(n) AS n
                              FROM figure_change GROUP BY 1, 2, 3, 4) c
                        WINDOW w AS (PARTITION BY figure, year, key ORDER BY recorded_at)""");
                long summed = System.nanoTime();
                statement.executeUpdate("INSERT INTO " + FigureStore.keyTable(generation)
                        + " (figure, year, key) SELECT DISTINCT figure, year, key FROM figure_change");
                LOG.infof("read model of generation %d: subjects' changes read and copied in %.1f s (%d changes, %d at a"
                        + " time), summed into %d rows in %.1f s, series listed in %.1f s", generation,
                        (copied - start) / 1e9, copy.getHandledRowCount(), streams, rows, (summed - copied) / 1e9,
                        (System.nanoTime() - summed) / 1e9);
                writer.commit();
                return rows;
            } catch (SQLException | RuntimeException e) {
                writer.rollback();
                throw e;
            }
        }
    }

    /** Reads one share of the subjects of every kind, and copies their changes. */
    private static void readShare(DataSource dataSource, int generation, int share, int shares, CopyIn copy) {
        try (Connection reader = dataSource.getConnection()) {
            reader.setAutoCommit(false); // a cursor: rows fetched FETCH at a time
            Pending pending = new Pending(copy);
            for (Projector.Subject subject : Projector.Subject.values()) {
                copySubjects(reader, generation, subject, share, shares, pending);
            }
            pending.flush();
            reader.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not build the read model of generation " + generation, e);
        }
    }

    /**
     * Reads the subjects' events of one share in subject order and adds each subject's changes, as soon as it is read,
     * to the changes pending; those are copied whenever they reach {@link #PENDING} (series, instant) pairs, already
     * summed. Only grouping matters in the order, so it compares bytes ({@code COLLATE "C"}), not words.
     */
    private static void copySubjects(Connection reader, int generation, Projector.Subject subject, int share, int shares,
                                     Pending pending) throws SQLException {
        String id = "data ->> '" + subject.field + "'";
        try (PreparedStatement select = reader.prepareStatement("SELECT " + Projector.columns() + ", " + id
                + " AS subject FROM " + EventLog.table(generation) + " WHERE type = ANY(?) AND " + id + " IS NOT NULL"
                + " AND abs(hashtext(" + id + ") % ?) = ? ORDER BY subject COLLATE \"C\"")) {
            select.setArray(1, reader.createArrayOf("text", subject.types.toArray()));
            select.setInt(2, shares);
            select.setInt(3, share);
            select.setFetchSize(FETCH);
            List<LoggedEvent> events = new ArrayList<>();
            String current = null;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String subjectId = rows.getString(7);
                    if (!subjectId.equals(current)) {
                        pending.add(Timeline.of(events, subject.figures));
                        events.clear();
                        current = subjectId;
                    }
                    events.add(Projector.event(rows));
                }
            }
            pending.add(Timeline.of(events, subject.figures));
        }
    }

    /**
     * Changes summed per series and instant in memory (many subjects change the same series at the same instant: a
     * programme's totals), copied to the scratch table in bounded chunks; the chunks are summed again in SQL.
     */
    private static final class Pending {
        private final CopyIn copy;
        private final Map<FigureKey, Map<Instant, Measures>> changes = new HashMap<>();
        private int size;

        Pending(CopyIn copy) {
            this.copy = copy;
        }

        void add(Map<FigureKey, TreeMap<Instant, Measures>> subject) throws SQLException {
            subject.forEach((key, series) -> series.forEach((at, change) -> {
                if (changes.computeIfAbsent(key, k -> new HashMap<>()).merge(at, change, Measures::plus) == change) {
                    size++;
                }
            }));
            if (size >= PENDING) {
                flush();
            }
        }

        void flush() throws SQLException {
            StringBuilder lines = new StringBuilder();
            for (Map.Entry<FigureKey, Map<Instant, Measures>> series : changes.entrySet()) {
                FigureKey key = series.getKey();
                for (Map.Entry<Instant, Measures> change : series.getValue().entrySet()) {
                    Measures m = change.getValue();
                    lines.append(key.figure().name()).append('\t').append(key.year()).append('\t')
                            .append(escape(key.key())).append('\t').append(change.getKey()).append('\t')
                            .append(m.v1().toPlainString()).append('\t').append(m.v2().toPlainString()).append('\t')
                            .append(m.n()).append('\n');
                }
                if (lines.length() > 1 << 20) {
                    write(lines);
                }
            }
            write(lines);
            changes.clear();
            size = 0;
        }

        /** Shares write to the one COPY in turn, whole lines at a time. */
        private void write(StringBuilder lines) throws SQLException {
            byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
            synchronized (copy) {
                copy.writeToCopy(bytes, 0, bytes.length);
            }
            lines.setLength(0);
        }
    }

    /** COPY's text format: backslash, tab and line breaks escaped. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
