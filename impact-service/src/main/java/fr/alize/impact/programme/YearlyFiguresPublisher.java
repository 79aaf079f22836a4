package fr.alize.impact.programme;

import fr.alize.contracts.EventType;
import fr.alize.contracts.ImpactTopic;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.alize.impact.cluster.ClusterLock;
import fr.alize.impact.eventlog.EventLog;
import fr.alize.impact.report.ImpactConfig;
import fr.alize.platform.events.CloudEventHeaders;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import fr.alize.platform.events.Topics;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the compacted topic {@code alize.impact.yearly} up to date: key = the year, value = that year's figures
 * (schema docs/events/impact/YearlyFigures). One instance publishes, the one that holds the publisher's advisory lock
 * ({@link ClusterLock}); another takes over when it goes. It learns of changes from the database: every write that
 * may change the figures, on any instance, bumps {@code figures_change} in its own transaction. Then the figures of
 * every year are computed again and only those that differ from what was last sent are sent (and remembered in
 * {@code yearly_figures_sent} once acknowledged, so that a new publisher sends nothing already sent).
 * <p>
 * Records go through the SmallRye channel {@code yearly-figures} (an {@link Emitter}; producer settings in
 * application.properties: acks=all, idempotent), so that the channel has the connector's health, metrics and
 * tracing; each send is awaited (acknowledged or refused) before it is remembered.
 */
@ApplicationScoped
public class YearlyFiguresPublisher {

    private static final Logger LOG = Logger.getLogger(YearlyFiguresPublisher.class);
    static final EventType TYPE = ImpactTopic.TOPIC.event(ImpactTopic.YEARLY_FIGURES).orElseThrow();

    @Inject
    ProgrammeFigures figures;
    @Inject
    EventLog log;
    @Inject
    ClusterLock locks;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @Inject
    ImpactConfig config;
    private String topic;

    private volatile boolean topicReady;
    @Inject
    @Channel("yearly-figures")
    Emitter<String> emitter;
    private ScheduledExecutorService scheduler;
    /** Held while this instance is the publisher; used by the scheduler's thread only. */
    private ClusterLock.Held leadership;
    /** The version of {@code figures_change} whose figures this publisher sent (-1: none yet). */
    private long published = -1;

    void start(@Observes StartupEvent event) {
        topic = config.yearly().topic();
        Duration interval = config.yearly().interval();
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "yearly-figures"));
        scheduler.scheduleWithFixedDelay(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
            if (leadership != null) {
                leadership.close();
            }
        }
    }

    private void tick() {
        try {
            if (!leading()) {
                return;
            }
            // read before the figures: a change committed after this read bumps the version again
            long version = log.figuresVersion();
            if (version == published) {
                return;
            }
            int sent = publishChanged();
            published = version;
            if (sent > 0) {
                LOG.debugf("sent the figures of %d year(s) to %s", sent, topic);
            }
        } catch (Exception e) {
            // the database or the broker is away: try again at the next tick
            LOG.debugf("yearly figures not sent yet: %s", e.getMessage());
        }
    }

    /** True while this instance holds the publisher's lock; takes it when no instance does. */
    private boolean leading() {
        if (leadership != null && !leadership.alive()) {
            LOG.info("no longer the publisher of the yearly figures: the lock's database session ended");
            leadership.close();
            leadership = null;
        }
        if (leadership == null) {
            leadership = locks.tryAcquire(ClusterLock.Work.YEARLY_FIGURES).orElse(null);
            published = -1;
            if (leadership != null) {
                LOG.infof("this instance publishes the yearly figures to %s", topic);
            }
        }
        return leadership != null;
    }

    /** Sends the years whose figures changed; returns how many. */
    int publishChanged() throws Exception {
        ensureTopic();
        Map<Integer, JsonNode> sent = lastSent();
        int count = 0;
        for (ProgrammeFigures.Yearly year : figures.yearly(null)) {
            // as it reads back from the database, so that equal figures compare equal
            ObjectNode value = (ObjectNode) mapper.readTree(mapper.writeValueAsString(year));
            if (value.equals(sent.get(year.year()))) {
                continue;
            }
            Instant now = clock.instant();
            ObjectNode record = value.deepCopy();
            record.put("computedAt", now.toString());
            String key = String.valueOf(year.year());
            Map<String, String> headers = Map.of(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE,
                    CloudEventHeaders.ID, UUID.randomUUID().toString(), CloudEventHeaders.TYPE, TYPE.name(),
                    CloudEventHeaders.SOURCE, "/alize/impact-service", CloudEventHeaders.SUBJECT, key,
                    CloudEventHeaders.TIME, now.toString(), CloudEventHeaders.CONTENT_TYPE, "application/json",
                    CloudEventHeaders.SCHEMA_VERSION, Integer.toString(TYPE.version()));
            RecordHeaders recordHeaders = new RecordHeaders();
            headers.forEach((name, v) -> recordHeaders.add(name, v.getBytes(StandardCharsets.UTF_8)));
            send(key, mapper.writeValueAsString(record), recordHeaders);
            remember(year.year(), value, now);
            count++;
        }
        return count;
    }

    /** Sends one record on the channel and waits until the broker acknowledged it (or the send failed). */
    private void send(String key, String value, RecordHeaders headers) throws Exception {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic).withKey(key).withHeaders(headers).build();
        emitter.send(Message.of(value, Metadata.of(kafka), () -> {
            acknowledged.complete(null);
            return CompletableFuture.completedFuture(null);
        }, failure -> {
            acknowledged.completeExceptionally(failure);
            return CompletableFuture.completedFuture(null);
        }));
        acknowledged.get(30, TimeUnit.SECONDS);
    }

    private void ensureTopic() throws Exception {
        if (topicReady) {
            return;
        }
        Topics.createIfMissing(bootstrapServers,
                new NewTopic(topic, 1, (short) -1).configs(Map.of("cleanup.policy", "compact")), Duration.ofSeconds(30));
        topicReady = true;
    }

    private Map<Integer, JsonNode> lastSent() throws SQLException, java.io.IOException {
        Map<Integer, JsonNode> sent = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT year, figures FROM yearly_figures_sent");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                sent.put(rows.getInt(1), mapper.readTree(rows.getString(2)));
            }
        }
        return sent;
    }

    private void remember(int year, JsonNode figures, Instant at) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     INSERT INTO yearly_figures_sent (year, figures, sent_at) VALUES (?, ?::jsonb, ?)
                     ON CONFLICT (year) DO UPDATE SET figures = excluded.figures, sent_at = excluded.sent_at""")) {
            upsert.setInt(1, year);
            upsert.setString(2, figures.toString());
            upsert.setTimestamp(3, Timestamp.from(at));
            upsert.executeUpdate();
        }
    }
}
