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
     * Then one read of what the changes touch (per series, its rows from its first change on and the last one
     * before: a single row when events arrive in recording order), the new running values computed here, and one
     * upsert of the rows whose value changed.
     */
    public static void apply(Connection connection, int generation, Map<FigureKey, ? extends Map<Instant, Measures>> changes)
            throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        List<FigureKey> series = new ArrayList<>(new TreeMap<>(changes).keySet());
        try (PreparedStatement lock = connection.prepareStatement("INSERT INTO " + keyTable(generation)
                + " (figure, year, key) VALUES (?, ?, ?) ON CONFLICT (figure, year, key) DO UPDATE SET figure = excluded.figure")) {
            for (FigureKey key : series) {
                bindKey(lock, 1, key);
                lock.addBatch();
            }
            lock.executeBatch();
        }
        List<Instant> firsts = series.stream()
                .map(key -> changes.get(key).keySet().stream().min(Instant::compareTo).orElseThrow()).toList();
        List<TreeMap<Instant, Measures>> stored = storedFrom(connection, generation, series, firsts);
        Columns rows = new Columns();
        for (int i = 0; i < series.size(); i++) {
            FigureKey key = series.get(i);
            TreeMap<Instant, Measures> before = stored.get(i);
            Instant first = firsts.get(i);
            Map.Entry<Instant, Measures> base = before.lowerEntry(first);
            Measures value = base == null ? Measures.ZERO : base.getValue();
            Measures previous = value;
            TreeMap<Instant, Measures> deltas = new TreeMap<>();
            for (Map.Entry<Instant, Measures> row : before.tailMap(first, true).entrySet()) {
                deltas.put(row.getKey(), row.getValue().minus(previous));
                previous = row.getValue();
            }
            changes.get(key).forEach((at, change) -> deltas.merge(at, change, Measures::plus));
            for (Map.Entry<Instant, Measures> delta : deltas.entrySet()) {
                value = value.plus(delta.getValue());
                Measures old = before.get(delta.getKey());
                if (old == null || !value.minus(old).isZero()) {
                    rows.add(key, delta.getKey(), value);
                }
            }
        }
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + table(generation)
                + " (figure, year, key, recorded_at, v1, v2, n) SELECT * FROM unnest(?::text[], ?::int[], ?::text[],"
                + " ?::timestamptz[], ?::text[]::numeric[], ?::text[]::numeric[], ?::bigint[])"
                + " ON CONFLICT (figure, year, key, recorded_at) DO UPDATE SET v1 = excluded.v1, v2 = excluded.v2, n = excluded.n")) {
            rows.bind(connection, upsert);
            upsert.executeUpdate();
        }
    }

    /**
     * Per series (in the list's order), its stored rows from the first instant of its changes on, and the last row
     * before it: one statement, two index range reads per series.
     */
    private static List<TreeMap<Instant, Measures>> storedFrom(Connection connection, int generation, List<FigureKey> series,
                                                               List<Instant> firsts) throws SQLException {
        Object[] figures = new Object[series.size()];
        Object[] years = new Object[series.size()];
        Object[] keys = new Object[series.size()];
        Object[] from = new Object[series.size()];
        List<TreeMap<Instant, Measures>> stored = new ArrayList<>(series.size());
        for (int i = 0; i < series.size(); i++) {
            FigureKey key = series.get(i);
            figures[i] = key.figure().name();
            years[i] = key.year();
            keys[i] = key.key();
            from[i] = Timestamp.from(firsts.get(i));
            stored.add(new TreeMap<>());
        }
        String table = table(generation);
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT s.i, f.recorded_at, f.v1, f.v2, f.n
                FROM unnest(?::text[], ?::int[], ?::text[], ?::timestamptz[]) WITH ORDINALITY AS s(figure, year, key, from_at, i)
                CROSS JOIN LATERAL (
                    (SELECT recorded_at, v1, v2, n FROM %1$s f WHERE f.figure = s.figure AND f.year = s.year
                     AND f.key = s.key AND f.recorded_at < s.from_at ORDER BY f.recorded_at DESC LIMIT 1)
                    UNION ALL
                    SELECT recorded_at, v1, v2, n FROM %1$s f WHERE f.figure = s.figure AND f.year = s.year
                    AND f.key = s.key AND f.recorded_at >= s.from_at) f""".formatted(table))) {
            select.setArray(1, connection.createArrayOf("text", figures));
            select.setArray(2, connection.createArrayOf("int4", years));
            select.setArray(3, connection.createArrayOf("text", keys));
            select.setArray(4, connection.createArrayOf("timestamptz", from));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stored.get(rows.getInt(1) - 1).put(rows.getTimestamp(2).toInstant(),
                            new Measures(rows.getBigDecimal(3), rows.getBigDecimal(4), rows.getLong(5)));
                }
            }
        }
        return stored;
    }

    /** Rows to write, as the seven arrays of an {@code unnest}. */
    private static final class Columns {
        final List<Object> figures = new ArrayList<>();
        final List<Object> years = new ArrayList<>();
        final List<Object> keys = new ArrayList<>();
        final List<Object> instants = new ArrayList<>();
        final List<Object> v1 = new ArrayList<>();
        final List<Object> v2 = new ArrayList<>();
        final List<Object> n = new ArrayList<>();

        void add(FigureKey key, Instant at, Measures value) {
            figures.add(key.figure().name());
            years.add(key.year());
            keys.add(key.key());
            instants.add(Timestamp.from(at));
            v1.add(value.v1().toPlainString());
            v2.add(value.v2().toPlainString());
            n.add(value.n());
        }

        void bind(Connection connection, PreparedStatement statement) throws SQLException {
            String[] types = {"text", "int4", "text", "timestamptz", "text", "text", "int8"};
            List<List<Object>> columns = List.of(figures, years, keys, instants, v1, v2, n);
            for (int c = 0; c < columns.size(); c++) {
                statement.setArray(c + 1, connection.createArrayOf(types[c], columns.get(c).toArray()));
            }
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


}
