package fr.alize.impact.eventlog;

import fr.alize.platform.events.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Event-log rows in the text format of PostgreSQL's {@code COPY}: tab-separated, \N for null, backslash escapes. */
final class CopyRows {

    static final String COLUMNS = "event_id, type, subject, occurred_at, recorded_at, schema_version,"
            + " aggregate_version, actor_role, actor_id, data, topic, kafka_partition, kafka_offset";

    private CopyRows() {
    }

    /** The statement that copies such rows into a generation's table. */
    static String copyInto(int generation) {
        return "COPY " + EventLog.table(generation) + " (" + COLUMNS + ") FROM STDIN";
    }

    /** Appends one event's row. */
    static void append(StringBuilder rows, EventEnvelope event, ConsumerRecord<String, String> record) {
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
}
