package fr.alize.platform.events;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.alize.platform.errors.ConflictException;
import fr.alize.platform.errors.NotFoundException;
import fr.alize.platform.jdbc.Jdbc;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The records this service's consumers could never apply (table {@code parked_record}, see {@link Failures}): kept
 * whole with the reason, counted ({@code alize.events.parked}), listed for the CCI, and replayed on demand through the
 * consumer that parked them, as they were or with a corrected value. A replay that applies the record (or finds it
 * applied already) marks the row replayed; one that fails again keeps it parked with the new reason.
 */
@ApplicationScoped
public class ParkedRecords {

    private static final Logger LOG = Logger.getLogger(ParkedRecords.class);
    private static final TypeReference<List<Map<String, String>>> HEADERS = new TypeReference<>() {
    };

    /** A parked record as the CCI sees it: the value and headers as UTF-8 text. */
    public record Parked(long id, String consumer, String topic, int partition, long offset, Instant recordedAt,
                         String key, String value, Map<String, String> headers, String eventId, String eventType,
                         String reason, int attempts, Instant parkedAt, Instant lastFailedAt, Instant replayedAt,
                         String replayOutcome) {
    }

    /** What a replay did: APPLIED, or DUPLICATE when the event had been applied already. */
    public record Replay(long id, IdempotentConsumer.Outcome outcome) {
    }

    @Inject
    Jdbc jdbc;
    @Inject
    ObjectMapper mapper;
    @Inject
    MeterRegistry meters;
    @Inject
    Instance<Replayable> consumers;

    /**
     * Keeps the record with its reason; the same record (consumer and position) parked again only counts one more
     * attempt and takes the new reason. Runs in the caller's transaction, or in one of its own when there is none.
     */
    public void park(String consumer, ConsumerRecord<String, String> record, String reason) {
        String why = Failures.printable(reason, 2000);
        LOG.warnf("%s parked the record at %s-%d@%d (%s %s): %s", consumer, record.topic(), record.partition(),
                record.offset(), text(EventEnvelope.header(record, CloudEventHeaders.TYPE)),
                text(EventEnvelope.header(record, CloudEventHeaders.ID)), why);
        jdbc.update("""
                INSERT INTO parked_record (consumer, topic, kafka_partition, kafka_offset, kafka_timestamp, record_key,
                                           record_value, headers, event_id, event_type, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (consumer, topic, kafka_partition, kafka_offset) DO UPDATE
                SET reason = excluded.reason, attempts = parked_record.attempts + 1, last_failed_at = clock_timestamp()""",
                consumer, record.topic(), record.partition(), record.offset(), record.timestamp(), bytes(record.key()),
                bytes(record.value()), headers(record), text(EventEnvelope.header(record, CloudEventHeaders.ID)),
                text(EventEnvelope.header(record, CloudEventHeaders.TYPE)), why);
        meters.counter("alize.events.parked", "consumer", consumer, "topic", record.topic()).increment();
    }

    /** The parked records, newest first; {@code open} only those not replayed yet. */
    public List<Parked> list(boolean open, String consumer, int limit) {
        return jdbc.list("SELECT * FROM parked_record WHERE (? = false OR replayed_at IS NULL)"
                + " AND (?::text IS NULL OR consumer = ?) ORDER BY id DESC LIMIT ?", this::parked,
                open, consumer, consumer, limit);
    }

    public Optional<Parked> find(long id) {
        return jdbc.one("SELECT * FROM parked_record WHERE id = ?", this::parked, id);
    }

    /** How many records are parked and not replayed, per consumer. */
    public Map<String, Long> openCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.list("SELECT consumer, count(*) FROM parked_record WHERE replayed_at IS NULL GROUP BY consumer ORDER BY consumer",
                row -> counts.put(row.getString(1), row.getLong(2)));
        return counts;
    }

    /**
     * Applies a parked record again through the consumer that parked it, with {@code correctedValue} in place of its
     * value when given. 404 for no such record; 409 when it was replayed already, when no consumer of this instance
     * has that name, or when it still cannot be applied (it stays parked, with the new reason); 503 for a transient
     * failure (nothing changed).
     */
    public Replay replay(long id, String correctedValue) {
        Row row = jdbc.one("SELECT * FROM parked_record WHERE id = ?", Row::of, id)
                .orElseThrow(() -> new NotFoundException("No parked record " + id + "."));
        if (row.replayedAt != null) {
            throw new ConflictException("Parked record " + id + " was replayed at " + row.replayedAt + ".");
        }
        Replayable consumer = consumers.stream().filter(c -> c.consumers().contains(row.consumer)).findFirst()
                .orElseThrow(() -> new ConflictException("No consumer '" + row.consumer + "' in this service."));
        byte[] value = correctedValue == null ? row.value : correctedValue.getBytes(StandardCharsets.UTF_8);
        ConsumerRecord<String, String> record = record(row.topic, row.partition, row.offset, row.timestamp,
                string(row.key), string(value), restore(row.headers));
        IdempotentConsumer.Outcome outcome = IdempotentConsumer.withoutRetries(() -> consumer.replay(row.consumer, record));
        if (outcome == IdempotentConsumer.Outcome.PARKED) {
            String reason = jdbc.one("SELECT reason FROM parked_record WHERE id = ?", r -> r.getString(1), id).orElse("");
            throw new ConflictException("Parked record " + id + " still cannot be applied: " + reason);
        }
        QuarkusTransaction.requiringNew().run(() -> jdbc.update(
                "UPDATE parked_record SET replayed_at = clock_timestamp(), replay_outcome = ?, replayed_value = ? WHERE id = ?",
                outcome.name(), correctedValue == null ? null : value, id));
        LOG.infof("parked record %d (%s) replayed: %s", id, row.consumer, outcome);
        return new Replay(id, outcome);
    }

    /**
     * The corrected value a person replayed this record with, if it was: a rebuild that reads the record again from
     * its topic applies that value too, as the live consumer did.
     */
    public Optional<String> correctedValue(String consumer, ConsumerRecord<String, String> record) {
        return jdbc.one("""
                SELECT replayed_value FROM parked_record WHERE consumer = ? AND topic = ? AND kafka_partition = ?
                AND kafka_offset = ? AND replayed_at IS NOT NULL AND replayed_value IS NOT NULL""",
                row -> string(row.getBytes(1)), consumer, record.topic(), record.partition(), record.offset());
    }

    /** The same record with another value. */
    public static ConsumerRecord<String, String> withValue(ConsumerRecord<String, String> record, String value) {
        return record(record.topic(), record.partition(), record.offset(), record.timestamp(), record.key(), value,
                record.headers());
    }

    private static ConsumerRecord<String, String> record(String topic, int partition, long offset, long timestamp,
                                                         String key, String value,
                                                         org.apache.kafka.common.header.Headers headers) {
        return new ConsumerRecord<>(topic, partition, offset, timestamp, TimestampType.CREATE_TIME,
                ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE, key, value, headers, Optional.empty());
    }

    /** The raw row. */
    private record Row(String consumer, String topic, int partition, long offset, long timestamp, byte[] key,
                       byte[] value, byte[] headers, Instant replayedAt) {
        static Row of(ResultSet row) throws SQLException {
            return new Row(row.getString("consumer"), row.getString("topic"), row.getInt("kafka_partition"),
                    row.getLong("kafka_offset"), row.getLong("kafka_timestamp"), row.getBytes("record_key"),
                    row.getBytes("record_value"), row.getBytes("headers"), instant(row, "replayed_at"));
        }
    }

    private Parked parked(ResultSet row) throws SQLException {
        Map<String, String> headers = new LinkedHashMap<>();
        restore(row.getBytes("headers")).forEach(h -> headers.put(h.key(), string(h.value())));
        return new Parked(row.getLong("id"), row.getString("consumer"), row.getString("topic"),
                row.getInt("kafka_partition"), row.getLong("kafka_offset"),
                Instant.ofEpochMilli(row.getLong("kafka_timestamp")), string(row.getBytes("record_key")),
                string(row.getBytes("record_value")), headers, row.getString("event_id"), row.getString("event_type"),
                row.getString("reason"), row.getInt("attempts"), instant(row, "parked_at"),
                instant(row, "last_failed_at"), instant(row, "replayed_at"), row.getString("replay_outcome"));
    }

    private byte[] headers(ConsumerRecord<?, ?> record) {
        List<Map<String, String>> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(Map.of("key", header.key(),
                    "value", header.value() == null ? "" : Base64.getEncoder().encodeToString(header.value())));
        }
        try {
            return mapper.writeValueAsBytes(headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RecordHeaders restore(byte[] json) {
        RecordHeaders headers = new RecordHeaders();
        try {
            for (Map<String, String> header : mapper.readValue(json, HEADERS)) {
                headers.add(new RecordHeader(header.get("key"), Base64.getMimeDecoder().decode(header.get("value"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return headers;
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        java.sql.Timestamp time = row.getTimestamp(column);
        return time == null ? null : time.toInstant();
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static String string(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static String text(String value) {
        return Failures.printable(value, 255);
    }
}
