package fr.alize.impact.figures;

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
     * a fixed order, so that instances applying changes to the same series at once take turns (and never deadlock).
     * Then one statement, on the table as it was before it: every row from a change's instant on gets the sum of the
     * changes up to it, and each change's instant without a row gets one, worth the value before it plus those sums.
     */
    public static void apply(Connection connection, int generation, Map<FigureKey, ? extends Map<Instant, Measures>> changes)
            throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        Map<FigureKey, ? extends Map<Instant, Measures>> ordered = new TreeMap<>(changes);
        try (PreparedStatement lock = connection.prepareStatement("INSERT INTO " + keyTable(generation)
                + " (figure, year, key) VALUES (?, ?, ?) ON CONFLICT (figure, year, key) DO UPDATE SET figure = excluded.figure")) {
            for (FigureKey key : ordered.keySet()) {
                bindKey(lock, 1, key);
                lock.addBatch();
            }
            lock.executeBatch();
        }
        List<Object> figures = new ArrayList<>();
        List<Object> years = new ArrayList<>();
        List<Object> keys = new ArrayList<>();
        List<Object> instants = new ArrayList<>();
        List<Object> v1 = new ArrayList<>();
        List<Object> v2 = new ArrayList<>();
        List<Object> n = new ArrayList<>();
        ordered.forEach((key, series) -> series.forEach((at, m) -> {
            figures.add(key.figure().name());
            years.add(key.year());
            keys.add(key.key());
            instants.add(Timestamp.from(at));
            v1.add(m.v1().toPlainString());
            v2.add(m.v2().toPlainString());
            n.add(m.n());
        }));
        try (PreparedStatement add = connection.prepareStatement(APPLY.formatted(table(generation)))) {
            add.setArray(1, connection.createArrayOf("text", figures.toArray()));
            add.setArray(2, connection.createArrayOf("int4", years.toArray()));
            add.setArray(3, connection.createArrayOf("text", keys.toArray()));
            add.setArray(4, connection.createArrayOf("timestamptz", instants.toArray()));
            add.setArray(5, connection.createArrayOf("text", v1.toArray()));
            add.setArray(6, connection.createArrayOf("text", v2.toArray()));
            add.setArray(7, connection.createArrayOf("int8", n.toArray()));
            add.executeUpdate();
        }
    }

    /** The changes, their running sums per series, the rows after them moved, the new rows written: one statement. */
    private static final String APPLY = """
            WITH change AS (
                SELECT * FROM unnest(?::text[], ?::int[], ?::text[], ?::timestamptz[], ?::text[]::numeric[],
                                     ?::text[]::numeric[], ?::bigint[]) AS c(figure, year, key, at, v1, v2, n)),
            running AS (
                SELECT figure, year, key, at, sum(v1) OVER w AS v1, sum(v2) OVER w AS v2, sum(n) OVER w AS n FROM change
                WINDOW w AS (PARTITION BY figure, year, key ORDER BY at)),
            moved AS (
                UPDATE %1$s f SET v1 = f.v1 + r.v1, v2 = f.v2 + r.v2, n = f.n + r.n
                FROM (SELECT DISTINCT figure, year, key FROM change) s
                CROSS JOIN LATERAL (SELECT * FROM %1$s later WHERE later.figure = s.figure AND later.year = s.year
                                    AND later.key = s.key AND later.recorded_at >= (SELECT min(at) FROM change c
                                        WHERE c.figure = s.figure AND c.year = s.year AND c.key = s.key)) later
                CROSS JOIN LATERAL (SELECT v1, v2, n FROM running r WHERE r.figure = s.figure AND r.year = s.year
                                    AND r.key = s.key AND r.at <= later.recorded_at ORDER BY r.at DESC LIMIT 1) r
                WHERE f.figure = later.figure AND f.year = later.year AND f.key = later.key
                  AND f.recorded_at = later.recorded_at
                RETURNING 1)
            INSERT INTO %1$s (figure, year, key, recorded_at, v1, v2, n)
            SELECT r.figure, r.year, r.key, r.at, coalesce(p.v1, 0) + r.v1, coalesce(p.v2, 0) + r.v2, coalesce(p.n, 0) + r.n
            FROM running r LEFT JOIN LATERAL (
                SELECT v1, v2, n FROM %1$s p WHERE p.figure = r.figure AND p.year = r.year AND p.key = r.key
                AND p.recorded_at < r.at ORDER BY p.recorded_at DESC LIMIT 1) p ON TRUE
            WHERE NOT EXISTS (SELECT 1 FROM %1$s e WHERE e.figure = r.figure AND e.year = r.year AND e.key = r.key
                              AND e.recorded_at = r.at)""";

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


}
