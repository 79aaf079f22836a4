package fr.alize.impact.eventlog;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.alize.platform.errors.ConflictException;
import fr.alize.platform.events.EventEnvelope;
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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds the event log from offset zero of the topics into a new table (the next generation) while the current one
 * keeps serving every report, then switches over atomically: the pointer to the current generation changes in the
 * same transaction that copies the few events the live consumers recorded meanwhile. Every report derives from the
 * log, so they all follow. The rebuild runs in this replica; a restart abandons it (the partial table is dropped by
 * the next rebuild) and the current generation stays in service.
 */
@ApplicationScoped
public class Rebuild {

    private static final Logger LOG = Logger.getLogger(Rebuild.class);
    private static final int BATCH = 2_000;

    public enum State { IDLE, RUNNING, SWITCHED, FAILED }

    public record Status(State state, Integer fromGeneration, Integer toGeneration, long read, long total,
                         long stored, long skipped, Instant startedAt, Instant finishedAt, String problem) {
        @JsonProperty
        public double progress() {
            return total == 0 ? (state == State.SWITCHED ? 1.0 : 0.0) : Math.min(1.0, (double) read / total);
        }
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper mapper;
    @Inject
    EventLog log;
    @Inject
    Clock clock;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "mp.messaging.incoming.needs-events.topic")
    String needsTopic;
    @ConfigProperty(name = "mp.messaging.incoming.volunteers-events.topic")
    String volunteersTopic;
    @ConfigProperty(name = "mp.messaging.incoming.missions-events.topic")
    String missionsTopic;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "event-log-rebuild"));
    private final AtomicReference<Status> status =
            new AtomicReference<>(new Status(State.IDLE, null, null, 0, 0, 0, 0, null, null, null));

    public Status status() {
        return status.get();
    }

    /** Starts a rebuild; 409 when one is running. */
    public synchronized Status start() {
        if (status.get().state() == State.RUNNING) {
            throw new ConflictException("a rebuild is running: " + Math.round(status.get().progress() * 100) + "% done");
        }
        Status started = new Status(State.RUNNING, log.currentGeneration(), null, 0, 0, 0, 0, clock.instant(), null, null);
        status.set(started);
        worker.submit(this::run);
        return started;
    }

    void stop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    private void run() {
        try {
            int from = log.currentGeneration();
            int to = prepareTable(from);
            Timestamp startedAt = databaseNow();
            update(s -> new Status(State.RUNNING, from, to, 0, 0, 0, 0, s.startedAt(), null, null));
            copyTopics(to);
            createIndexes(from, to);
            switchOver(from, to, startedAt);
            update(s -> new Status(State.SWITCHED, from, to, s.read(), s.total(), s.stored(), s.skipped(),
                    s.startedAt(), clock.instant(), null));
            log.changed();
            LOG.infof("event log rebuilt into generation %d: %d records read, %d events stored", to,
                    status.get().read(), status.get().stored());
        } catch (Exception e) {
            LOG.error("event log rebuild failed; the current generation stays in service", e);
            update(s -> new Status(State.FAILED, s.fromGeneration(), s.toGeneration(), s.read(), s.total(), s.stored(),
                    s.skipped(), s.startedAt(), clock.instant(), String.valueOf(e.getMessage())));
        }
    }

    private void update(java.util.function.UnaryOperator<Status> change) {
        status.updateAndGet(change);
    }

    /** Drops every generation but the current one (earlier ones, abandoned rebuilds) and creates the next. */
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
            // only the primary key (it dedupes) while loading; the other indexes are built once the rows are in
            statement.execute("CREATE TABLE " + EventLog.table(next) + " (LIKE " + EventLog.table(current)
                    + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
            statement.execute("ALTER TABLE " + EventLog.table(next) + " ADD PRIMARY KEY (event_id)");
            return next;
        }
    }

    /** The secondary indexes of the current generation, built on the new one in bulk (faster than row by row). */
    private void createIndexes(int from, int to) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> definitions = new ArrayList<>();
            try (ResultSet indexes = statement.executeQuery("""
                    SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i
                    WHERE i.indrelid = '%s'::regclass AND NOT i.indisprimary""".formatted(EventLog.table(from)))) {
                while (indexes.next()) {
                    definitions.add(indexes.getString(1));
                }
            }
            for (String definition : definitions) {
                statement.execute(definition.replace(EventLog.table(from), EventLog.table(to)));
            }
        }
    }

    private Timestamp databaseNow() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT clock_timestamp()")) {
            row.next();
            return row.getTimestamp(1);
        }
    }

    /** Reads every partition of the three topics from offset zero up to their end as it was when the copy began. */
    private void copyTopics(int generation) throws SQLException {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, BATCH,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(needsTopic, volunteersTopic, missionsTopic)) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            long total = end.entrySet().stream().mapToLong(e -> e.getValue() - begin.get(e.getKey())).sum();
            update(s -> new Status(s.state(), s.fromGeneration(), s.toGeneration(), 0, total, 0, 0, s.startedAt(), null, null));
            end.entrySet().removeIf(e -> e.getValue() <= begin.get(e.getKey()));
            String insert = EventLog.insertSql(generation);
            while (!end.isEmpty()) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException("the rebuild was stopped");
                }
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                List<ConsumerRecord<String, String>> batch = new ArrayList<>();
                for (ConsumerRecord<String, String> record : records) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    Long last = end.get(partition);
                    if (last != null && record.offset() < last) {
                        batch.add(record);
                    }
                }
                int[] counts = store(insert, batch);
                end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
                update(s -> new Status(s.state(), s.fromGeneration(), s.toGeneration(), s.read() + batch.size(),
                        s.total(), s.stored() + counts[0], s.skipped() + counts[1], s.startedAt(), null, null));
            }
        }
    }

    /** Stores a batch in one transaction; returns {stored (new event ids), skipped (unreadable or unknown type)}. */
    private int[] store(String insertSql, List<ConsumerRecord<String, String>> batch) {
        if (batch.isEmpty()) {
            return new int[2];
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            int stored = 0;
            int skipped = 0;
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement insert = connection.prepareStatement(insertSql)) {
                for (ConsumerRecord<String, String> record : batch) {
                    EventEnvelope.Result parsed = EventEnvelope.parse(record, mapper);
                    if (!parsed.isValid() || !EventTypes.isKnown(parsed.envelope().type())) {
                        skipped++;
                        continue;
                    }
                    EventLog.bind(insert, parsed.envelope(), record.timestamp());
                    insert.addBatch();
                }
                for (int inserted : insert.executeBatch()) {
                    stored += Math.max(inserted, 0); // 0 for an event already stored (a duplicate on the topic)
                }
            }
            return new int[]{stored, skipped};
        });
    }

    /**
     * Makes the new generation the current one. Updating the pointer waits for the live consumers' writes in flight
     * (they hold it FOR SHARE) and makes later ones wait; the events they recorded in the old table since the copy
     * began are then copied over, and all of it commits at once.
     */
    private void switchOver(int from, int to, Timestamp copyStartedAt) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement pointer = connection.prepareStatement(
                         "UPDATE event_log_generation SET current_generation = ? WHERE id = 1 AND current_generation = ?");
                 PreparedStatement catchUp = connection.prepareStatement("INSERT INTO " + EventLog.table(to)
                         + " SELECT * FROM " + EventLog.table(from) + " WHERE stored_at >= ? ON CONFLICT (event_id) DO NOTHING")) {
                pointer.setInt(1, to);
                pointer.setInt(2, from);
                if (pointer.executeUpdate() != 1) {
                    throw new IllegalStateException("the current generation changed during the rebuild");
                }
                catchUp.setTimestamp(1, copyStartedAt);
                catchUp.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("could not switch to generation " + to, e);
            }
        });
    }
}
