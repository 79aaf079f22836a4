package fr.alize.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.alize.platform.jdbc.Jdbc;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Applies a Kafka record to a projection exactly once per event id. The event id is recorded in
 * {@code processed_event} in the same transaction as the projection's own writes, so a record seen twice (a
 * redelivery, a producer retry) changes nothing the second time.
 * <p>
 * A record that is not a readable event is logged, counted and skipped: it can never become readable by waiting.
 * A failure of the projection itself (the database is away, say) is retried with a growing pause, holding the
 * partition, so that nothing is skipped and order per key is kept.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(10);

    public enum Outcome { APPLIED, DUPLICATE, SKIPPED }

    @Inject
    Jdbc jdbc;
    @Inject
    ObjectMapper mapper;
    @Inject
    MeterRegistry meters;

    /**
     * @param consumer   the name of the projection (events are deduplicated per projection)
     * @param projection applies the event; runs inside the transaction
     */
    public Outcome apply(String consumer, ConsumerRecord<String, String> record, Consumer<EventEnvelope> projection) {
        EventEnvelope.Result parsed = EventEnvelope.parse(record, mapper);
        if (!parsed.isValid()) {
            LOG.warnf("%s skipped the record at %s-%d@%d: %s", consumer, record.topic(), record.partition(),
                    record.offset(), parsed.problem());
            return count(consumer, Outcome.SKIPPED);
        }
        EventEnvelope event = parsed.envelope();
        Duration pause = FIRST_PAUSE;
        while (true) {
            try {
                Outcome outcome = QuarkusTransaction.requiringNew().call(() -> {
                    if (!markProcessed(consumer, event.id())) {
                        return Outcome.DUPLICATE;
                    }
                    projection.accept(event);
                    return Outcome.APPLIED;
                });
                return count(consumer, outcome);
            } catch (RuntimeException e) {
                LOG.warnf(e, "%s could not apply %s %s; retrying in %d ms", consumer, event.type(), event.id(), pause.toMillis());
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while retrying " + event.id(), interrupted);
                }
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    /** True when the event id was new for this consumer (and is now recorded, within the current transaction). */
    private boolean markProcessed(String consumer, String eventId) {
        return jdbc.update("INSERT INTO processed_event (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                consumer, eventId) == 1;
    }

    private Outcome count(String consumer, Outcome outcome) {
        meters.counter("alize.events.consumed", "consumer", consumer, "outcome", outcome.name().toLowerCase()).increment();
        return outcome;
    }
}
