package fr.alize.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.alize.platform.errors.ServiceUnavailableException;
import fr.alize.platform.jdbc.Jdbc;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Applies a Kafka record to a projection exactly once per event id. The event id is recorded in
 * {@code processed_event} in the same transaction as the projection's own writes, so a record seen twice (a
 * redelivery, a producer retry) changes nothing the second time.
 * <p>
 * Failures are told apart ({@link Failures}). A record that can never be applied (not one of our events, a value
 * the database refuses, a field that does not parse, a {@link RecordRejectedException} of the projection) is parked
 * ({@link ParkedRecords}) and the consumer moves on at once; it is not marked processed, so a replay can apply it
 * later. A transient failure (the database away, say) is retried with a growing pause (200 ms, doubling, at most
 * 10 s), holding the partition, so that nothing is skipped and order per key is kept.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(10);
    /** Set while a parked record is replayed on a request thread: a transient failure answers 503 instead of waiting. */
    private static final ThreadLocal<Boolean> NO_RETRIES = ThreadLocal.withInitial(() -> false);

    /** {@code IGNORED}: an event of a type the consumer does not apply, acknowledged with no transaction. */
    public enum Outcome { APPLIED, DUPLICATE, PARKED, IGNORED }

    /** A record of a batch whose event id this consumer had not applied yet, with its parsed envelope. */
    public record NewEvent(ConsumerRecord<String, String> record, EventEnvelope event) {
    }

    /** What became of the records of a batch. */
    public record BatchOutcome(int applied, int duplicates, int parked) {
        /** One outcome for a batch of one record (a replay). */
        public Outcome single() {
            return parked > 0 ? Outcome.PARKED : applied > 0 ? Outcome.APPLIED : Outcome.DUPLICATE;
        }
    }

    /** A failure that retrying cannot cure. */
    private static final class Permanent extends RuntimeException {
        Permanent(RuntimeException cause) {
            super(cause);
        }
    }

    @Inject
    Jdbc jdbc;
    @Inject
    ObjectMapper mapper;
    @Inject
    MeterRegistry meters;
    @Inject
    ParkedRecords parked;
    @Inject
    OpenTelemetry openTelemetry;
    private EventTracing tracing;

    private final AtomicInteger retrying = new AtomicInteger();

    @PostConstruct
    void gauge() {
        tracing = new EventTracing(openTelemetry);
        meters.gauge("alize.events.retrying", retrying);
    }

    /**
     * {@link #apply(String, ConsumerRecord, Consumer)} for the events of the given types only. A record whose
     * {@code ce_type} names another type is left at once: no parsing, no transaction and no {@code processed_event}
     * row, since applying it would change nothing (a topic carries every event of its producer; a consumer usually
     * needs a few). A record with no type goes through {@link #apply} and is parked there.
     *
     * @param types the event types the projection applies
     */
    public Outcome apply(String consumer, ConsumerRecord<String, String> record, Set<String> types,
                         Consumer<EventEnvelope> projection) {
        String type = EventEnvelope.header(record, CloudEventHeaders.TYPE);
        if (type != null && !types.contains(type)) {
            return count(consumer, Outcome.IGNORED, 1);
        }
        return apply(consumer, record, projection);
    }

    /**
     * @param consumer   the name of the projection (events are deduplicated per projection)
     * @param projection applies the event; runs inside the transaction
     */
    public Outcome apply(String consumer, ConsumerRecord<String, String> record, Consumer<EventEnvelope> projection) {
        EventEnvelope.Result parsed = EventEnvelope.parse(record, mapper);
        if (!parsed.isValid()) {
            return count(consumer, park(consumer, record, parsed.problem()), 1);
        }
        EventEnvelope event = parsed.envelope();
        // the projection write, in the trace the record carries (the relay's send, and the request before it)
        Span span = tracing.applying(consumer, record.topic(), event.id(), tracing.from(record.headers()));
        try (LogContext ids = LogContext.of(event.id(), event.subject()); Scope current = span.makeCurrent()) {
            return count(consumer, retrying(consumer + " " + event.type() + " " + event.id(),
                    () -> QuarkusTransaction.requiringNew().call(() -> {
                        if (!markProcessed(consumer, event.id())) {
                            return Outcome.DUPLICATE;
                        }
                        projection.accept(event);
                        return Outcome.APPLIED;
                    })), 1);
        } catch (Permanent e) {
            span.setAttribute("alize.parked", true);
            return count(consumer, park(consumer, record, Failures.reason(e.getCause())), 1);
        } finally {
            span.end();
        }
    }

    /**
     * The batch form of {@link #apply}: the whole batch in ONE transaction. The event ids are recorded in
     * {@code processed_event} with one statement; the projection then gets only the records whose id was new (and
     * the first record of an id repeated within the batch), in the batch's order, and applies them in the same
     * transaction. Records that are not events are parked. A transient failure rolls the whole batch back (ids
     * included) and retries it; a permanent one rolls it back and applies its records one at a time, each in its own
     * transaction, so that only the records at fault are parked.
     *
     * @param consumer   the name of the projection (events are deduplicated per projection)
     * @param records    the records of one poll, in order
     * @param projection applies the new events; runs inside the transaction; not called when none is new
     */
    public BatchOutcome applyBatch(String consumer, List<ConsumerRecord<String, String>> records,
                                   Consumer<List<NewEvent>> projection) {
        Map<String, NewEvent> readable = new LinkedHashMap<>();
        int parkedRecords = 0;
        int rejected = 0;
        int repeated = 0;
        for (ConsumerRecord<String, String> record : records) {
            EventEnvelope.Result parsed = EventEnvelope.parse(record, mapper);
            if (!parsed.isValid()) {
                park(consumer, record, parsed.problem());
                parkedRecords++;
            } else if (readable.putIfAbsent(parsed.envelope().id(), new NewEvent(record, parsed.envelope())) != null) {
                repeated++;
            }
        }
        int applied = 0;
        // one span per record of the batch, each in the trace its record carries; they end with the batch
        List<Span> spans = readable.values().stream().map(e -> tracing.applying(consumer, e.record().topic(), e.event().id(),
                tracing.from(e.record().headers()))).toList();
        if (!readable.isEmpty()) {
            try {
                applied = retrying(consumer + " batch of " + readable.size() + " events",
                        () -> QuarkusTransaction.requiringNew().call(() -> applyNew(consumer, readable, projection)));
            } catch (Permanent e) {
                LOG.warnf("%s could not apply a batch of %d events (%s); applying them one at a time", consumer,
                        readable.size(), Failures.reason(e.getCause()));
                for (NewEvent event : readable.values()) {
                    Map<String, NewEvent> one = Map.of(event.event().id(), event);
                    try (LogContext ids = LogContext.of(event.event().id(), event.event().subject())) {
                        applied += retrying(consumer + " " + event.event().type() + " " + event.event().id(),
                                () -> QuarkusTransaction.requiringNew().call(() -> applyNew(consumer, one, projection)));
                    } catch (Permanent single) {
                        park(consumer, event.record(), Failures.reason(single.getCause()));
                        rejected++;
                    }
                }
            } finally {
                spans.forEach(Span::end);
            }
        }
        BatchOutcome outcome = new BatchOutcome(applied, readable.size() - applied - rejected + repeated,
                parkedRecords + rejected);
        count(consumer, Outcome.APPLIED, outcome.applied());
        count(consumer, Outcome.DUPLICATE, outcome.duplicates());
        count(consumer, Outcome.PARKED, outcome.parked());
        return outcome;
    }

    /** Within the transaction: records the ids, hands the new ones to the projection, returns how many were new. */
    private int applyNew(String consumer, Map<String, NewEvent> events, Consumer<List<NewEvent>> projection) {
        Set<String> fresh = markProcessed(consumer, events.keySet());
        List<NewEvent> toApply = new ArrayList<>(fresh.size());
        events.forEach((id, event) -> {
            if (fresh.contains(id)) {
                toApply.add(event);
            }
        });
        if (!toApply.isEmpty()) {
            projection.accept(toApply);
        }
        return toApply.size();
    }

    /**
     * Runs the work with retries switched off on this thread: a transient failure is a 503 for the caller (used by
     * {@link ParkedRecords#replay}, on a request thread that must not wait for the database to come back).
     */
    static <T> T withoutRetries(Supplier<T> work) {
        NO_RETRIES.set(true);
        try {
            return work.get();
        } finally {
            NO_RETRIES.remove();
        }
    }

    private Outcome park(String consumer, ConsumerRecord<String, String> record, String reason) {
        QuarkusTransaction.requiringNew().run(() -> parked.park(consumer, record, reason));
        return Outcome.PARKED;
    }

    /** The ids that were new for this consumer (now recorded, within the current transaction): one statement. */
    private Set<String> markProcessed(String consumer, Set<String> eventIds) {
        return new HashSet<>(jdbc.list("""
                INSERT INTO processed_event (consumer, event_id) SELECT ?, id FROM unnest(?::text[]) AS id
                ON CONFLICT DO NOTHING RETURNING event_id""", row -> row.getString(1), consumer, eventIds));
    }

    /** True when the event id was new for this consumer (and is now recorded, within the current transaction). */
    private boolean markProcessed(String consumer, String eventId) {
        return jdbc.update("INSERT INTO processed_event (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                consumer, eventId) == 1;
    }

    /**
     * Runs the work until it succeeds, pausing 200 ms, then twice as long each time, at most 10 s; a permanent
     * failure is thrown at once as {@link Permanent}.
     */
    private <T> T retrying(String what, Supplier<T> work) {
        Duration pause = FIRST_PAUSE;
        boolean counted = false;
        try {
            while (true) {
                try {
                    return work.get();
                } catch (RuntimeException e) {
                    if (Failures.isPermanent(e)) {
                        throw new Permanent(e);
                    }
                    if (NO_RETRIES.get()) {
                        throw new ServiceUnavailableException("Could not apply the " + what + " now ("
                                + Failures.reason(e) + "); nothing changed, try again.");
                    }
                    if (!counted) {
                        retrying.incrementAndGet();
                        counted = true;
                    }
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
        } finally {
            if (counted) {
                retrying.decrementAndGet();
            }
        }
    }

    private Outcome count(String consumer, Outcome outcome, int n) {
        if (n > 0) {
            meters.counter("alize.events.consumed", "consumer", consumer, "outcome",
                    outcome.name().toLowerCase(Locale.ROOT)).increment(n);
        }
        return outcome;
    }
}
