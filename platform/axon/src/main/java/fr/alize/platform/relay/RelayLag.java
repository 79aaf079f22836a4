package fr.alize.platform.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.alize.platform.jdbc.Jdbc;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How far the outbox relay is behind: the events in the service's store that the broker has not acknowledged yet
 * (those after the relay's token, and those in its gaps), and how long the oldest of them has waited. Read from the
 * database, so every instance tells the same, whichever holds the relay's claim. Gauges
 * {@code alize.relay.unsent} and {@code alize.relay.oldest.unsent.seconds} (tag {@code topic}); read at most once a
 * second however often they are scraped.
 */
@Startup
@ApplicationScoped
public class RelayLag {

    /** What the relay has not sent; {@code oldest} is empty when nothing waits. */
    public record Snapshot(long unsent, Optional<Instant> oldest, Instant at) {
        public Duration oldestAge() {
            return oldest.map(o -> Duration.between(o, at)).filter(d -> !d.isNegative()).orElse(Duration.ZERO);
        }
    }

    private static final Duration FRESH = Duration.ofSeconds(1);
    private static final Logger LOG = Logger.getLogger(RelayLag.class);

    @Inject
    Jdbc sql;
    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;
    @Inject
    RelayConfig config;
    @Inject
    MeterRegistry meters;

    private volatile Snapshot last;

    @PostConstruct
    void gauges() {
        String topic = config.topic();
        Gauge.builder("alize.relay.unsent", this, lag -> lag.readQuietly().map(Snapshot::unsent).orElse(-1L))
                .description("events stored but not yet acknowledged by the broker").tag("topic", topic).register(meters);
        Gauge.builder("alize.relay.oldest.unsent.seconds", this,
                        lag -> lag.readQuietly().map(s -> s.oldestAge().toMillis() / 1000.0).orElse(-1.0))
                .description("age of the oldest event not yet acknowledged by the broker").tag("topic", topic).register(meters);
    }

    /** The lag now (at most a second old); throws when the database cannot be read. */
    public Snapshot read() {
        Snapshot known = last;
        Instant now = clock.instant();
        if (known != null && Duration.between(known.at(), now).compareTo(FRESH) < 0) {
            return known;
        }
        Snapshot fresh = compute(now);
        last = fresh;
        return fresh;
    }

    private Optional<Snapshot> readQuietly() {
        try {
            return Optional.of(read());
        } catch (RuntimeException e) {
            LOG.debugf("the relay's lag cannot be read now: %s", e.getMessage());
            return Optional.empty();
        }
    }

    private Snapshot compute(Instant now) {
        Position position = position();
        List<String> gaps = position.gaps().stream().map(String::valueOf).toList();
        long unsent = sql.count("SELECT count(*) FROM domain_event_entry WHERE global_index > ? OR global_index = ANY(CAST(? AS bigint[]))",
                position.index(), gaps);
        Optional<Instant> oldest = unsent == 0 ? Optional.empty() : sql.one("""
                        SELECT time_stamp FROM domain_event_entry WHERE global_index > ? OR global_index = ANY(CAST(? AS bigint[]))
                        ORDER BY global_index LIMIT 1""",
                row -> Instant.parse(row.getString(1)), position.index(), gaps);
        return new Snapshot(unsent, oldest, now);
    }

    private record Position(long index, List<Long> gaps) {
    }

    /** Where the relay's token stands: the last index sent (-1: none yet) and the gaps below it not seen yet. */
    private Position position() {
        // no row, or a row without a token (the relay starts from the first event): nothing sent yet
        Optional<byte[]> token = sql.one("SELECT token FROM token_entry WHERE processor_name = ? AND segment = 0",
                row -> Optional.ofNullable(row.getBytes(1)), KafkaEventPublisher.PROCESSING_GROUP).flatMap(t -> t);
        if (token.isEmpty()) {
            return new Position(-1, List.of());
        }
        try {
            JsonNode json = mapper.readTree(token.get());
            List<Long> gaps = new ArrayList<>();
            json.path("gaps").forEach(gap -> gaps.add(gap.asLong()));
            return new Position(json.path("index").asLong(-1), gaps);
        } catch (IOException e) {
            throw new IllegalStateException("the relay's token cannot be read: " + e.getMessage(), e);
        }
    }
}
