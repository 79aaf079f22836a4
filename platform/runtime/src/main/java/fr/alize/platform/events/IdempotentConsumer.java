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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

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

    /** A record of a batch whose event id this consumer had not applied yet, with its parsed envelope. */
    public record NewEvent(ConsumerRecord<String, String> record, EventEnvelope event) {
    }

    /** What became of the records of a batch. */
    public record BatchOutcome(int applied, int duplicates, int skipped) {
    }

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
        Outcome outcome = retrying(consumer + " " + event.type() + " " + event.id(),
                () -> QuarkusTransaction.requiringNew().call(() -> {
                    if (!markProcessed(consumer, event.id())) {
                        return Outcome.DUPLICATE;
                    }
                    projection.accept(event);
                    return Outcome.APPLIED;
                }));
        return count(consumer, outcome);
    }

    /**
     * The batch form of {@link #apply}: the whole batch in ONE transaction. The event ids are recorded in
     * {@code processed_event} with one statement; the projection then gets only the records whose id was new (and
     * the first record of an id repeated within the batch), in the batch's order, and applies them in the same
     * transaction. Unreadable records are skipped and counted; a failure rolls the whole batch back (ids included)
     * and retries it with a growing pause, as {@link #apply} does for one record.
     *
     * @param consumer   the name of the projection (events are deduplicated per projection)
     * @param records    the records of one poll, in order
     * @param projection applies the new events; runs inside the transaction; not called when none is new
     */
    public BatchOutcome applyBatch(String consumer, List<ConsumerRecord<String, String>> records,
                                   Consumer<List<NewEvent>> projection) {
        Map<String, NewEvent> readable = new LinkedHashMap<>();
        int skipped = 0;
        int repeated = 0;
        for (ConsumerRecord<String, String> record : records) {
            EventEnvelope.Result parsed = EventEnvelope.parse(record, mapper);
            if (!parsed.isValid()) {
                LOG.warnf("%s skipped the record at %s-%d@%d: %s", consumer, record.topic(), record.partition(),
                        record.offset(), parsed.problem());
                skipped++;
            } else if (readable.putIfAbsent(parsed.envelope().id(), new NewEvent(record, parsed.envelope())) != null) {
                repeated++;
            }
        }
        int applied = readable.isEmpty() ? 0 : retrying(consumer + " batch of " + readable.size() + " events",
                () -> QuarkusTransaction.requiringNew().call(() -> {
                    Set<String> fresh = markProcessed(consumer, readable.keySet());
                    List<NewEvent> toApply = new ArrayList<>(fresh.size());
                    readable.forEach((id, event) -> {
                        if (fresh.contains(id)) {
                            toApply.add(event);
                        }
                    });
                    if (!toApply.isEmpty()) {
                        projection.accept(toApply);
                    }
                    return toApply.size();
                }));
        BatchOutcome outcome = new BatchOutcome(applied, readable.size() - applied + repeated, skipped);
        count(consumer, Outcome.APPLIED, outcome.applied());
        count(consumer, Outcome.DUPLICATE, outcome.duplicates());
        count(consumer, Outcome.SKIPPED, outcome.skipped());
        return outcome;
    }

    /** The ids that were new for this consumer (now recorded, within the current transaction): one statement. */
    private Set<String> markProcessed(String consumer, Set<String> eventIds) {
        return new HashSet<>(jdbc.list("""
                INSERT INTO processed_event (consumer, event_id) SELECT ?, id FROM unnest(?::text[]) AS id
                ON CONFLICT DO NOTHING RETURNING event_id""", row -> row.getString(1), consumer, eventIds));
    }

    /** Runs the work until it succeeds, pausing 200 ms, then twice as long each time, at most 10 s. */
    private static <T> T retrying(String what, Supplier<T> work) {
        Duration pause = FIRST_PAUSE;
        while (true) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                LOG.warnf(e, "could not apply the %s; retrying in %d ms", what, pause.toMillis());
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while retrying the " + what, interrupted);
                }
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    private void count(String consumer, Outcome outcome, int n) {
        if (n > 0) {
            meters.counter("alize.events.consumed", "consumer", consumer, "outcome", outcome.name().toLowerCase()).increment(n);
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
