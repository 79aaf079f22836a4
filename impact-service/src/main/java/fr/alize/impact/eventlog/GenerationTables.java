package fr.alize.impact.eventlog;

import fr.alize.impact.figures.FigureStore;
import fr.alize.impact.report.ImpactConfig;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables of the event log's generations, as a rebuild makes them: the next one created bare (no index, for a
 * fast copy), then its duplicates removed and its primary key and indexes built in bulk, several at a time.
 */
@ApplicationScoped
class GenerationTables {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ImpactConfig config;
    @Inject
    RebuildThreads threads;

    boolean exists(int generation) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            select.setString(1, EventLog.table(generation));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look for the table of generation " + generation, e);
        }
    }

    /**
     * Drops every generation but the current one (its event log, its count and read model) and creates the next: the log without
     * any index (built after the copy), the read model's tables as the current ones.
     */
    int prepareNext(int current) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> stale = new ArrayList<>();
            try (ResultSet tables = statement.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                    + " AND (tablename LIKE 'impact\\_event\\_g%' OR tablename LIKE 'impact\\_figure\\_g%'"
                    + " OR tablename LIKE 'impact\\_figure\\_key\\_g%')")) {
                while (tables.next()) {
                    stale.add(tables.getString(1));
                }
            }
            int next = current + 1;
            for (String table : stale) {
                int generation = Integer.parseInt(table.substring(table.lastIndexOf("_g") + 2));
                next = Math.max(next, generation + 1);
                if (generation != current) {
                    statement.execute("DROP TABLE " + table);
                }
            }
            statement.execute("DELETE FROM event_log_count WHERE generation <> " + current);
            statement.execute("CREATE TABLE " + EventLog.table(next) + " (LIKE " + EventLog.table(current)
                    + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
            for (String table : List.of(FigureStore.table(next), FigureStore.keyTable(next))) {
                String like = table.substring(0, table.lastIndexOf("_g") + 2) + current;
                statement.execute("CREATE TABLE " + table + " (LIKE " + like + " INCLUDING ALL)");
            }
            return next;
        }
    }

    /**
     * Once every record is in: removes the duplicates the topics held (keeps the first read of each event id), then
     * builds the primary key and the current generation's other indexes, in bulk, several at a time, with
     * {@code alongside} (work that needs the events without duplicates, not the indexes) running beside them.
     * Repeatable (a crash during it is resumed too). Returns the events stored.
     */
    long finish(int from, int to, Runnable alongside) throws SQLException {
        String table = EventLog.table(to);
        List<String> definitions = new ArrayList<>();
        withIndexMemory(statement -> {
            if (!hasPrimaryKey(statement, table)) {
                try {
                    statement.execute("ALTER TABLE " + table + " ADD PRIMARY KEY (event_id)");
                } catch (SQLException e) {
                    if (!"23505".equals(e.getSQLState())) {
                        throw e;
                    }
                    // the topics held duplicates (the usual case has none, so this pass is paid only when needed)
                    statement.execute("DELETE FROM " + table + " a USING " + table + " b WHERE a.event_id = b.event_id"
                            + " AND (a.topic, a.kafka_partition, a.kafka_offset) > (b.topic, b.kafka_partition, b.kafka_offset)");
                    statement.execute("ALTER TABLE " + table + " ADD PRIMARY KEY (event_id)");
                }
            }
            try (ResultSet indexes = statement.executeQuery("""
                    SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i
                    WHERE i.indrelid = '%s'::regclass AND NOT i.indisprimary""".formatted(EventLog.table(from)))) {
                while (indexes.next()) {
                    definitions.add(indexes.getString(1).replace(EventLog.table(from), table)
                            .replaceFirst("^CREATE INDEX ", "CREATE INDEX IF NOT EXISTS "));
                }
            }
        });
        Map<String, Long> builds = new HashMap<>();
        definitions.forEach(definition -> builds.put(definition, 1L));
        List<Runnable> work = new ArrayList<>(List.of(alongside));
        for (List<String> share : RebuildThreads.shares(builds, threads.streams())) {
            work.add(() -> {
                try {
                    withIndexMemory(statement -> {
                        for (String definition : share) {
                            statement.execute(definition);
                        }
                    });
                } catch (SQLException e) {
                    throw new IllegalStateException("could not build the indexes of " + table, e);
                }
            });
        }
        threads.sideBySide(work);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM " + table)) {
            count.next();
            return count.getLong(1);
        }
    }

    @FunctionalInterface
    private interface SqlWork {
        void run(Statement statement) throws SQLException;
    }

    /** Runs index work on a connection whose {@code maintenance_work_mem} is the rebuild's, reset afterwards. */
    private void withIndexMemory(SqlWork work) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try (PreparedStatement memory = connection.prepareStatement("SELECT set_config('maintenance_work_mem', ?, false)")) {
                memory.setString(1, config.rebuild().indexMemory());
                memory.execute();
            }
            try {
                work.run(statement);
            } finally {
                statement.execute("RESET maintenance_work_mem");
            }
        }
    }

    private static boolean hasPrimaryKey(Statement statement, String table) throws SQLException {
        try (ResultSet row = statement.executeQuery(
                "SELECT count(*) FROM pg_index WHERE indrelid = '" + table + "'::regclass AND indisprimary")) {
            row.next();
            return row.getInt(1) > 0;
        }
    }
}
