package fr.alize.platform.events;

import org.jboss.logging.MDC;

/**
 * The event a thread is working on, in the logging context (MDC): every line logged meanwhile carries {@code eventId}
 * and {@code aggregateId} (fields of the JSON log lines in production, next to OpenTelemetry's {@code traceId}). Only
 * ids: never a payload, a name or a token.
 */
public final class LogContext implements AutoCloseable {

    public static final String EVENT_ID = "eventId";
    public static final String AGGREGATE_ID = "aggregateId";

    private final Object previousEvent;
    private final Object previousAggregate;

    private LogContext(String eventId, String aggregateId) {
        previousEvent = MDC.get(EVENT_ID);
        previousAggregate = MDC.get(AGGREGATE_ID);
        put(EVENT_ID, eventId);
        put(AGGREGATE_ID, aggregateId);
    }

    /** Sets both ids (a null one is left out) until {@link #close()}, which puts back what was there. */
    public static LogContext of(String eventId, String aggregateId) {
        return new LogContext(eventId, aggregateId);
    }

    @Override
    public void close() {
        put(EVENT_ID, previousEvent);
        put(AGGREGATE_ID, previousAggregate);
    }

    private static void put(String key, Object value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
