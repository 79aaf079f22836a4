package fr.alize.impact.eventlog;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.alize.impact.report.ImpactConfig;
import fr.alize.platform.errors.ConflictException;
import fr.alize.platform.events.EventEnvelope;
import fr.alize.platform.events.ParkedRecords;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Rebuilds the event log from offset zero of the topics into a new table (the next generation) while the current one
 * keeps serving every report, then switches over atomically: the pointer to the current generation changes in the
 * same transaction that copies the few events the live consumers recorded meanwhile. Every report derives from the
 * log, so they all follow.
 * <p>
 * The copy is resumable: each batch is written with {@code COPY} in one transaction together with the checkpoint
 * (tables {@code event_log_rebuild} and {@code event_log_rebuild_position}: the next offset of every partition and the
 * counters). A rebuild stopped midway (a crash, a restart, a lost connection) leaves the current generation in
 * service and its checkpoint behind; the next {@code POST /events/rebuild} continues from the checkpoint, so every
 * record is copied exactly once. Duplicates on the topics (one event id twice) are removed once the copy is complete,
 * keeping the first one read, before the primary key and the other indexes are built.
 */
@ApplicationScoped
public class Rebuild {

    private static final Logger LOG = Logger.getLogger(Rebuild.class);
    private static final String COLUMNS = "event_id, type, subject, occurred_at, recorded_at, schema_version,"
            + " aggregate_version, actor_role, actor_id, data, topic, kafka_partition, kafka_offset";

    /** INTERRUPTED: a rebuild stopped midway (this replica restarted, say); starting one resumes it. */
    public enum State { IDLE, RUNNING, SWITCHED, FAILED, INTERRUPTED }

    /** @param resumed true when this run continued an interrupted rebuild from its checkpoint */
    public record Status(State state, Integer fromGeneration, Integer toGeneration, long read, long total,
                         long stored, long skipped, Instant startedAt, Instant finishedAt, String problem,
                         boolean resumed) {
        @JsonProperty
        public double progress() {
            return total == 0 ? (state == State.SWITCHED ? 1.0 : 0.0) : Math.min(1.0, (double) read / total);
        }

        Status with(State newState, Instant finished, String why) {
            return new Status(newState, fromGeneration, toGeneration, read, total, stored, skipped, startedAt, finished,
                    why, resumed);
        }
    }

    /** What the database says about the rebuild in progress; positions: partition → {next offset, end offset}. */
    private record Checkpoint(int from, int to, Timestamp copyStartedAt, Instant startedAt, long total, long read,
                              long stored, long skipped, Map<TopicPartition, long[]> positions) {
        Status status(State state, boolean resumed) {
            return new Status(state, from, to, read, total, stored, skipped, startedAt, null, null, resumed);
        }
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper mapper;
    @Inject
    EventLog log;
    @Inject
    ParkedRecords parkedRecords;
    @Inject
    Clock clock;
    @Inject
    ImpactConfig config;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "mp.messaging.incoming.needs-events.topic")
    String needsTopic;
    @ConfigProperty(name = "mp.messaging.incoming.volunteers-events.topic")
    String volunteersTopic;
    @ConfigProperty(name = "mp.messaging.incoming.missions-events.topic")
    String missionsTopic;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "event-log-rebuild"));
    /** The copy streams, their writes and the index builds. */
    private final ExecutorService threads = Executors.newCachedThreadPool(new ThreadFactory() {
        private final AtomicInteger created = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            return new Thread(task, "event-log-rebuild-" + created.incrementAndGet());
        }
    });
    private final AtomicReference<Status> status = new AtomicReference<>();
    /** Runs inside each batch's transaction, after its writes: lets a test stop the rebuild there, as a crash would. */
    private volatile Runnable beforeBatchCommit = () -> { };
    /** Runs once the end offsets are read, before the copy starts: lets a test append an event in between. */
    private volatile Runnable afterEndOffsets = () -> { };
    private volatile int batchSize;

    /** The current or last rebuild of this replica; else an interrupted one found in the database; else IDLE. */
    public Status status() {
        Status current = status.get();
        if (current != null) {
            return current;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Checkpoint interrupted = loadCheckpoint();
            return interrupted == null ? new Status(State.IDLE, null, null, 0, 0, 0, 0, null, null, null, false)
                    : interrupted.status(State.INTERRUPTED, false);
        });
    }

    /** Starts a rebuild, or resumes the one that was interrupted; 409 when one is running. */
    public synchronized Status start() {
        Status current = status.get();
        if (current != null && current.state() == State.RUNNING) {
            throw new ConflictException("a rebuild is running: " + Math.round(current.progress() * 100) + "% done");
        }
        Status started = new Status(State.RUNNING, log.currentGeneration(), null, 0, 0, 0, 0, clock.instant(), null,
                null, false);
        status.set(started);
        worker.submit(this::run);
        return started;
    }

    void stop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
        threads.shutdownNow();
    }

    /** For tests: what to do before each batch commits (throwing there stops the rebuild as a crash would). */
    void beforeBatchCommit(Runnable hook) {
        beforeBatchCommit = hook;
    }

    /** For tests: what to do once the end offsets of a fresh rebuild are read, before anything is copied. */
    void afterEndOffsets(Runnable hook) {
        afterEndOffsets = hook;
    }

    /** For tests: smaller batches than configured (0: as configured). */
    void batchSize(int records) {
        batchSize = records;
    }

    /** For tests: forgets this replica's rebuild, as a restart does (the checkpoint in the database stays). */
    void forget() {
        status.set(null);
    }

    /** A consumer of the rebuild's own: no group, nothing committed; positions are the checkpoint's. */
    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batchSize > 0 ? batchSize : config.rebuild().batchSize(),
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer());
    }

    /** Copy streams (and index builds) at a time: as configured, else one per processor. */
    private int streams() {
        return Math.max(1, config.rebuild().streams().orElse(Runtime.getRuntime().availableProcessors()));
    }

    private void run() {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            int current = log.currentGeneration();
            Checkpoint checkpoint = QuarkusTransaction.requiringNew().call(this::loadCheckpoint);
            boolean resumed = checkpoint != null && checkpoint.from() == current && tableExists(checkpoint.to());
            if (!resumed) {
                checkpoint = begin(consumer, current);
            } else {
                LOG.infof("resuming the rebuild of generation %d at %d of %d records", checkpoint.to(),
                        checkpoint.read(), checkpoint.total());
            }
            Checkpoint from = checkpoint;
            status.set(from.status(State.RUNNING, resumed));
            long copyStart = System.nanoTime();
            copyTopics(from);
            long finishStart = System.nanoTime();
            long stored = finishTable(from.from(), from.to());
            LOG.infof("rebuild of generation %d: copy %.1f s, duplicates removed and indexes built in %.1f s (%d at a time)",
                    from.to(), (finishStart - copyStart) / 1e9, (System.nanoTime() - finishStart) / 1e9, streams());
            update(s -> new Status(s.state(), s.fromGeneration(), s.toGeneration(), s.read(), s.total(), stored,
                    s.skipped(), s.startedAt(), null, null, s.resumed()));
            switchOver(from.from(), from.to(), from.copyStartedAt());
            update(s -> s.with(State.SWITCHED, clock.instant(), null));
            log.changed();
            LOG.infof("event log rebuilt into generation %d: %d records read, %d events stored", from.to(),
                    status.get().read(), status.get().stored());
        } catch (Exception e) {
            LOG.error("event log rebuild stopped; the current generation stays in service and a new start resumes it", e);
            update(s -> s.with(State.FAILED, clock.instant(), String.valueOf(e.getMessage())));
        }
    }

    private void update(UnaryOperator<Status> change) {
        status.updateAndGet(change);
    }

    /**
     * A fresh start: drops every generation but the current one (earlier ones, abandoned rebuilds), creates the next
     * table, and records the checkpoint: every partition from its beginning up to its end as it is now.
     */
    private Checkpoint begin(KafkaConsumer<String, String> consumer, int current) throws SQLException {
        int to = prepareTable(current);
        // The copy reads up to the end offsets below; the switch-over copies what the live consumers stored since
        // copyStartedAt. Taken BEFORE the end offsets, so that an event appended in between is in one or the other.
        Timestamp copyStartedAt = databaseNow();
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(needsTopic, volunteersTopic, missionsTopic)) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        afterEndOffsets.run();
        Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
        Map<TopicPartition, long[]> positions = new HashMap<>();
        long total = 0;
        for (TopicPartition partition : partitions) {
            positions.put(partition, new long[]{beginning.get(partition), end.get(partition)});
            total += Math.max(0, end.get(partition) - beginning.get(partition));
        }
        long records = total;
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection();
                 Statement clear = connection.createStatement();
                 PreparedStatement run = connection.prepareStatement("""
                         INSERT INTO event_log_rebuild (id, from_generation, to_generation, copy_started_at, started_at,
                                                        total, records_read, stored, skipped)
                         VALUES (1, ?, ?, ?, ?, ?, 0, 0, 0)""");
                 PreparedStatement position = connection.prepareStatement(
                         "INSERT INTO event_log_rebuild_position (topic, kafka_partition, next_offset, end_offset) VALUES (?, ?, ?, ?)")) {
                clear.execute("DELETE FROM event_log_rebuild");
                clear.execute("DELETE FROM event_log_rebuild_position");
                run.setInt(1, current);
                run.setInt(2, to);
                run.setTimestamp(3, copyStartedAt);
                run.setTimestamp(4, Timestamp.from(status.get().startedAt()));
                run.setLong(5, records);
                run.executeUpdate();
                for (Map.Entry<TopicPartition, long[]> p : positions.entrySet()) {
                    position.setString(1, p.getKey().topic());
                    position.setInt(2, p.getKey().partition());
                    position.setLong(3, p.getValue()[0]);
                    position.setLong(4, p.getValue()[1]);
                    position.addBatch();
                }
                position.executeBatch();
            } catch (SQLException e) {
                throw new IllegalStateException("could not record the rebuild's start", e);
            }
        });
        return QuarkusTransaction.requiringNew().call(this::loadCheckpoint);
    }

    /** The database's clock (the one {@code stored_at} is taken from), now. */
    private Timestamp databaseNow() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement select = connection.createStatement();
             ResultSet now = select.executeQuery("SELECT clock_timestamp()")) {
            now.next();
            return now.getTimestamp(1);
        }
    }

    /** The rebuild in progress as last committed, or null; call inside a transaction. */
    private Checkpoint loadCheckpoint() {
        try (Connection connection = dataSource.getConnection();
             Statement select = connection.createStatement();
             ResultSet run = select.executeQuery("""
                     SELECT from_generation, to_generation, copy_started_at, started_at, total, records_read, stored, skipped
                     FROM event_log_rebuild WHERE id = 1""")) {
            if (!run.next()) {
                return null;
            }
            Map<TopicPartition, long[]> positions = new HashMap<>();
            try (Statement positionsQuery = connection.createStatement();
                 ResultSet rows = positionsQuery.executeQuery(
                         "SELECT topic, kafka_partition, next_offset, end_offset FROM event_log_rebuild_position")) {
                while (rows.next()) {
                    positions.put(new TopicPartition(rows.getString(1), rows.getInt(2)),
                            new long[]{rows.getLong(3), rows.getLong(4)});
                }
            }
            return new Checkpoint(run.getInt(1), run.getInt(2), run.getTimestamp(3), run.getTimestamp(4).toInstant(),
                    run.getLong(5), run.getLong(6), run.getLong(7), run.getLong(8), positions);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the rebuild's checkpoint", e);
        }
    }

    private boolean tableExists(int generation) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            select.setString(1, EventLog.table(generation));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    /** Drops every generation but the current one and creates the next, without any index (built after the copy). */
    private int prepareTable(int current) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> stale = new ArrayList<>();
            try (ResultSet tables = statement.executeQuery(
                    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE 'impact\\_event\\_g%'")) {
                while (tables.next()) {
                    stale.add(tables.getString(1));
                }
            }
            int next = current + 1;
            for (String table : stale) {
                int generation = Integer.parseInt(table.substring("impact_event_g".length()));
                next = Math.max(next, generation + 1);
                if (generation != current) {
                    statement.execute("DROP TABLE " + table);
                }
            }
            statement.execute("CREATE TABLE " + EventLog.table(next) + " (LIKE " + EventLog.table(current)
                    + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
            return next;
        }
    }

    /**
     * Once every record is in: removes the duplicates the topics held (keeps the first read of each event id), then
     * builds the primary key and the current generation's other indexes, in bulk, several at a time. Repeatable (a
     * crash during it is resumed too). Returns the events stored.
     */
    private long finishTable(int from, int to) throws SQLException {
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
        allOf(shares(builds, streams()).stream().map(share -> CompletableFuture.runAsync(() -> {
            try {
                withIndexMemory(statement -> {
                    for (String definition : share) {
                        statement.execute(definition);
                    }
                });
            } catch (SQLException e) {
                throw new IllegalStateException("could not build the indexes of " + table, e);
            }
        }, threads)).toList());
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

    /** Waits for every task; the first failure is thrown as it was raised. */
    private static void allOf(List<CompletableFuture<Void>> tasks) {
        try {
            CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static boolean hasPrimaryKey(Statement statement, String table) throws SQLException {
        try (ResultSet row = statement.executeQuery(
                "SELECT count(*) FROM pg_index WHERE indrelid = '" + table + "'::regclass AND indisprimary")) {
            row.next();
            return row.getInt(1) > 0;
        }
    }

    /**
     * A batch ready to write: its rows in COPY's text format, the records to park with their reasons, its counts
     * (skipped: unknown types and parked records), and the partitions' next offsets after it.
     */
    private record Prepared(String rows, Map<ConsumerRecord<String, String>, String> parked, int read, int copied,
                            int skipped, Map<TopicPartition, Long> next) {
    }

    /**
     * Copies every partition from its checkpointed offset up to the end recorded when the rebuild began, in parallel
     * streams over disjoint sets of partitions, balanced by the records left: each partition is read by one stream
     * only, so its batches commit in order with its checkpoint. When a stream fails the others stop after their
     * write in flight, and the failure is thrown.
     */
    private void copyTopics(Checkpoint checkpoint) {
        Map<TopicPartition, Long> left = new HashMap<>();
        checkpoint.positions().forEach((partition, offsets) -> {
            if (offsets[0] < offsets[1]) {
                left.put(partition, offsets[1] - offsets[0]);
            }
        });
        String copy = "COPY " + EventLog.table(checkpoint.to()) + " (" + COLUMNS + ") FROM STDIN";
        AtomicBoolean stop = new AtomicBoolean();
        allOf(shares(left, streams()).stream().map(share -> CompletableFuture.runAsync(() -> {
            try {
                copyStream(share, checkpoint.positions(), copy, stop);
            } catch (RuntimeException e) {
                stop.set(true);
                throw e;
            }
        }, threads)).toList());
    }

    /**
     * Splits work (partitions by records left, index builds one each) into at most {@code streams} shares of about
     * the same weight, heaviest first.
     */
    static <T> List<List<T>> shares(Map<T, Long> weights, int streams) {
        List<List<T>> shares = new ArrayList<>();
        long[] load = new long[Math.min(streams, weights.size())];
        for (int i = 0; i < load.length; i++) {
            shares.add(new ArrayList<>());
        }
        weights.entrySet().stream().sorted(Map.Entry.<T, Long>comparingByValue().reversed()).forEach(p -> {
            int lightest = 0;
            for (int i = 1; i < load.length; i++) {
                lightest = load[i] < load[lightest] ? i : lightest;
            }
            shares.get(lightest).add(p.getKey());
            load[lightest] += p.getValue();
        });
        return shares;
    }

    /**
     * One stream: its consumer polls and prepares batch n+1 while batch n is being copied (one write in flight at
     * most, in order), so that reading and parsing overlap with PostgreSQL's work.
     */
    private void copyStream(List<TopicPartition> share, Map<TopicPartition, long[]> positions, String copy,
                            AtomicBoolean stop) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            Map<TopicPartition, Long> end = new HashMap<>();
            share.forEach(partition -> end.put(partition, positions.get(partition)[1]));
            consumer.assign(share);
            share.forEach(partition -> consumer.seek(partition, positions.get(partition)[0]));
            CompletableFuture<Void> writing = CompletableFuture.completedFuture(null);
            while (!end.isEmpty() && !stop.get()) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException("the rebuild was stopped");
                }
                Prepared batch = prepare(consumer.poll(Duration.ofMillis(500)), end,
                        partition -> Math.min(consumer.position(partition), end.get(partition)));
                List<TopicPartition> done = end.keySet().stream().filter(p -> batch.next().get(p) >= end.get(p)).toList();
                consumer.pause(done);
                done.forEach(end::remove);
                allOf(List.of(writing)); // the previous batch is committed (or its failure is thrown here)
                writing = CompletableFuture.runAsync(() -> store(copy, batch), threads);
            }
            allOf(List.of(writing));
        }
    }

    /**
     * The records below their partition's end, as COPY rows; unknown types are skipped, and records the live consumer
     * would park (not an event, or failing {@link EventChecks}) are parked with the same reason.
     */
    private Prepared prepare(ConsumerRecords<String, String> records, Map<TopicPartition, Long> end,
                             Function<TopicPartition, Long> nextOffset) {
        StringBuilder rows = new StringBuilder(records.count() * 1024);
        Map<ConsumerRecord<String, String>, String> parked = new LinkedHashMap<>();
        int read = 0;
        int copied = 0;
        for (ConsumerRecord<String, String> record : records) {
            Long last = end.get(new TopicPartition(record.topic(), record.partition()));
            if (last == null || record.offset() >= last) {
                continue;
            }
            read++;
            EventEnvelope.Result parsed = EventEnvelope.parse(record, mapper);
            String problem = parsed.isValid() ? EventChecks.problem(parsed.envelope(), record.value()) : parsed.problem();
            if (problem != null) {
                parked.put(record, problem);
            } else if (EventTypes.isKnown(parsed.envelope().type())) {
                appendRow(rows, parsed.envelope(), record);
                copied++;
            }
        }
        Map<TopicPartition, Long> next = new HashMap<>();
        end.keySet().forEach(partition -> next.put(partition, nextOffset.apply(partition)));
        return new Prepared(rows.toString(), parked, read, copied, read - copied, next);
    }

    /**
     * Writes a batch with COPY and moves the checkpoint, in one transaction. A record to park that a person replayed
     * with a corrected value (the live log holds the corrected event) is copied with that value instead, so that the
     * rebuilt log holds what the current one does; the others are parked (again: one more attempt on the same row).
     */
    private void store(String copySql, Prepared batch) {
        int recovered = QuarkusTransaction.requiringNew().call(() -> {
            StringBuilder rows = new StringBuilder(batch.rows());
            int corrected = 0;
            for (Map.Entry<ConsumerRecord<String, String>, String> poison : batch.parked().entrySet()) {
                ConsumerRecord<String, String> fixed = parkedRecords.correctedValue(EventLog.CONSUMER, poison.getKey())
                        .map(value -> ParkedRecords.withValue(poison.getKey(), value)).orElse(null);
                EventEnvelope.Result parsed = fixed == null ? null : EventEnvelope.parse(fixed, mapper);
                if (parsed != null && parsed.isValid() && EventChecks.problem(parsed.envelope(), fixed.value()) == null
                        && EventTypes.isKnown(parsed.envelope().type())) {
                    appendRow(rows, parsed.envelope(), fixed);
                    corrected++;
                } else {
                    parkedRecords.park(EventLog.CONSUMER, poison.getKey(), poison.getValue());
                }
            }
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement position = connection.prepareStatement(
                         "UPDATE event_log_rebuild_position SET next_offset = ? WHERE topic = ? AND kafka_partition = ?");
                 PreparedStatement counters = connection.prepareStatement(
                         "UPDATE event_log_rebuild SET records_read = records_read + ?, stored = stored + ?, skipped = skipped + ? WHERE id = 1")) {
                if (batch.copied() + corrected > 0) {
                    connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql, new StringReader(rows.toString()));
                }
                for (Map.Entry<TopicPartition, Long> p : batch.next().entrySet()) {
                    position.setLong(1, p.getValue());
                    position.setString(2, p.getKey().topic());
                    position.setInt(3, p.getKey().partition());
                    position.addBatch();
                }
                position.executeBatch();
                counters.setLong(1, batch.read());
                counters.setLong(2, batch.copied() + corrected);
                counters.setLong(3, batch.skipped() - corrected);
                counters.executeUpdate();
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("could not copy a batch of the rebuild", e);
            }
            beforeBatchCommit.run();
            return corrected;
        });
        update(s -> new Status(s.state(), s.fromGeneration(), s.toGeneration(), s.read() + batch.read(), s.total(),
                s.stored() + batch.copied() + recovered, s.skipped() + batch.skipped() - recovered, s.startedAt(), null,
                null, s.resumed()));
    }

    /** One row of COPY's text format: tab-separated, \N for null, backslash escapes. */
    private static void appendRow(StringBuilder rows, EventEnvelope event, ConsumerRecord<String, String> record) {
        // times rounded half up to the microsecond, as the JDBC driver does for the live consumers' rows
        Instant occurredAt = event.time().plusNanos(500).truncatedTo(ChronoUnit.MICROS);
        Object[] values = {event.id(), event.type(), event.subject(), occurredAt, Instant.ofEpochMilli(record.timestamp()),
                event.schemaVersion(), event.aggregateVersion(), event.actorRole(), event.actorId(),
                record.value() == null ? "null" : record.value(), event.topic(), event.partition(), event.offset()};
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                rows.append('\t');
            }
            if (values[i] == null) {
                rows.append("\\N");
                continue;
            }
            String value = values[i].toString();
            if (value.indexOf('\\') < 0 && value.indexOf('\t') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
                rows.append(value); // the usual case, JSON included: nothing to escape
                continue;
            }
            for (int c = 0; c < value.length(); c++) {
                char ch = value.charAt(c);
                switch (ch) {
                    case '\\' -> rows.append("\\\\");
                    case '\t' -> rows.append("\\t");
                    case '\n' -> rows.append("\\n");
                    case '\r' -> rows.append("\\r");
                    default -> rows.append(ch);
                }
            }
        }
        rows.append('\n');
    }

    /**
     * Makes the new generation the current one. Updating the pointer waits for the live consumers' writes in flight
     * (they hold it FOR SHARE) and makes later ones wait; the events they recorded in the old table since the copy
     * began are then copied over, the checkpoint is deleted, and all of it commits at once.
     */
    private void switchOver(int from, int to, Timestamp copyStartedAt) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement pointer = connection.prepareStatement(
                         "UPDATE event_log_generation SET current_generation = ? WHERE id = 1 AND current_generation = ?");
                 PreparedStatement catchUp = connection.prepareStatement("INSERT INTO " + EventLog.table(to)
                         + " SELECT * FROM " + EventLog.table(from) + " WHERE stored_at >= ? ON CONFLICT (event_id) DO NOTHING");
                 Statement done = connection.createStatement()) {
                pointer.setInt(1, to);
                pointer.setInt(2, from);
                if (pointer.executeUpdate() != 1) {
                    throw new IllegalStateException("the current generation changed during the rebuild");
                }
                catchUp.setTimestamp(1, copyStartedAt);
                catchUp.executeUpdate();
                done.execute("DELETE FROM event_log_rebuild");
                done.execute("DELETE FROM event_log_rebuild_position");
            } catch (SQLException e) {
                throw new IllegalStateException("could not switch to generation " + to, e);
            }
        });
    }
}
