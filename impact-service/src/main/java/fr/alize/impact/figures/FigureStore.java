package fr.alize.impact.figures;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The read model's tables of one generation: {@code impact_figure_g<n>} holds, per series (figure, year, key), its
 * value from each recording instant at which it changed on (the running sum of every subject's changes);
 * {@code impact_figure_key_g<n>} lists the series, so that a report reads one row per series it shows, whatever the
 * history behind it.
 */
public final class FigureStore {

    private FigureStore() {
    }

    public static String table(int generation) {
        return "impact_figure_g" + generation;
    }

    public static String keyTable(int generation) {
        return "impact_figure_key_g" + generation;
    }

    /**
     * Adds changes to the series, in the caller's transaction. Each series' row in the key table is locked first, in
     * a fixed order, so that instances applying changes to the same series at once take turns (and never deadlock);
     * then each change gets a row at its instant (carrying the value before it) and is added to every row from it on.
     */
    public static void apply(Connection connection, int generation, Map<FigureKey, ? extends Map<Instant, Measures>> changes)
            throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        Map<FigureKey, ? extends Map<Instant, Measures>> ordered = new TreeMap<>(changes);
        String figures = table(generation);
        try (PreparedStatement lock = connection.prepareStatement("INSERT INTO " + keyTable(generation)
                + " (figure, year, key) VALUES (?, ?, ?) ON CONFLICT (figure, year, key) DO UPDATE SET figure = excluded.figure")) {
            for (FigureKey key : ordered.keySet()) {
                bindKey(lock, 1, key);
                lock.addBatch();
            }
            lock.executeBatch();
        }
        try (PreparedStatement add = connection.prepareStatement("""
                WITH inserted AS (
                    INSERT INTO %1$s (figure, year, key, recorded_at, v1, v2, n)
                    SELECT ?, ?, ?, ?, coalesce(p.v1, 0) + ?, coalesce(p.v2, 0) + ?, coalesce(p.n, 0) + ?
                    FROM (SELECT 1) one LEFT JOIN LATERAL (
                        SELECT v1, v2, n FROM %1$s WHERE figure = ? AND year = ? AND key = ? AND recorded_at < ?
                        ORDER BY recorded_at DESC LIMIT 1) p ON TRUE
                    ON CONFLICT (figure, year, key, recorded_at) DO NOTHING RETURNING 1)
                UPDATE %1$s SET v1 = v1 + ?, v2 = v2 + ?, n = n + ?
                WHERE figure = ? AND year = ? AND key = ? AND recorded_at >= ?""".formatted(figures))) {
            for (Map.Entry<FigureKey, ? extends Map<Instant, Measures>> series : ordered.entrySet()) {
                for (Map.Entry<Instant, Measures> change : new TreeMap<>(series.getValue()).entrySet()) {
                    Timestamp at = Timestamp.from(change.getKey());
                    Measures m = change.getValue();
                    int i = bindKey(add, 1, series.getKey());
                    add.setTimestamp(i++, at);
                    i = bindMeasures(add, i, m);
                    i = bindKey(add, i, series.getKey());
                    add.setTimestamp(i++, at);
                    i = bindMeasures(add, i, m);
                    i = bindKey(add, i, series.getKey());
                    add.setTimestamp(i, at);
                    add.addBatch();
                }
            }
            add.executeBatch();
        }
    }

    /** Empties the read model of a generation (before it is built again from its events). */
    public static void clear(Connection connection, int generation) throws SQLException {
        try (PreparedStatement truncate = connection.prepareStatement(
                "TRUNCATE " + table(generation) + ", " + keyTable(generation))) {
            truncate.execute();
        }
    }

    /** Which series a read wants: one figure, years in [from, to], keys in [fromKey, toKey] (null: any). */
    public record Selection(Figure figure, int fromYear, int toYear, String fromKey, String toKey) {

        public static Selection year(Figure figure, int year) {
            return new Selection(figure, year, year, null, null);
        }

        public static Selection allYears(Figure figure) {
            return new Selection(figure, Integer.MIN_VALUE, Integer.MAX_VALUE, null, null);
        }

        public Selection keys(String from, String to) {
            return new Selection(figure, fromYear, toYear, from, to);
        }
    }

    /**
     * The value of each selected series as of the instant (null: now), series that were never changed by then left
     * out: the row at or before the instant, one index probe per series.
     */
    public static Map<FigureKey, Measures> read(Connection connection, int generation, Selection selection, Instant asOf)
            throws SQLException {
        String sql = """
                SELECT k.year, k.key, f.v1, f.v2, f.n FROM %s k
                CROSS JOIN LATERAL (SELECT v1, v2, n FROM %s f
                                    WHERE f.figure = k.figure AND f.year = k.year AND f.key = k.key AND f.recorded_at <= ?
                                    ORDER BY f.recorded_at DESC LIMIT 1) f
                WHERE k.figure = ? AND k.year BETWEEN ? AND ?""".formatted(keyTable(generation), table(generation))
                + (selection.fromKey() == null ? "" : " AND k.key BETWEEN ? AND ?");
        Map<FigureKey, Measures> values = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setTimestamp(1, asOf == null ? END_OF_TIME : Timestamp.from(asOf));
            select.setString(2, selection.figure().name());
            select.setInt(3, selection.fromYear());
            select.setInt(4, selection.toYear());
            if (selection.fromKey() != null) {
                select.setString(5, selection.fromKey());
                select.setString(6, selection.toKey());
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values.put(new FigureKey(selection.figure(), rows.getInt(1), rows.getString(2)),
                            new Measures(rows.getBigDecimal(3), rows.getBigDecimal(4), rows.getLong(5)));
                }
            }
        }
        return values;
    }

    private static final Timestamp END_OF_TIME = Timestamp.from(Instant.parse("9999-12-31T00:00:00Z"));

    private static int bindKey(PreparedStatement statement, int index, FigureKey key) throws SQLException {
        statement.setString(index, key.figure().name());
        statement.setInt(index + 1, key.year());
        statement.setString(index + 2, key.key());
        return index + 3;
    }

    private static int bindMeasures(PreparedStatement statement, int index, Measures m) throws SQLException {
        statement.setBigDecimal(index, m.v1());
        statement.setBigDecimal(index + 1, m.v2());
        statement.setLong(index + 2, m.n());
        return index + 3;
    }

}
