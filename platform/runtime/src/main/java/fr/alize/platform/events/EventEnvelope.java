package fr.alize.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A domain event as read from Kafka: its CloudEvents attributes and its JSON data.
 *
 * @param aggregateVersion -1 when the producer did not say
 */
public record EventEnvelope(String id, String type, String source, String subject, Instant time,
                            int schemaVersion, long aggregateVersion, String actorRole, String actorId,
                            JsonNode data, String topic, int partition, long offset) {

    /**
     * Reads a record; a record that is not one of our CloudEvents (a required attribute missing, a bad time, a value
     * that is not JSON) gives an explanation instead.
     */
    public static Result parse(ConsumerRecord<String, String> record, ObjectMapper mapper) {
        Map<String, String> headers = headers(record);
        String id = headers.get(CloudEventHeaders.ID);
        String type = headers.get(CloudEventHeaders.TYPE);
        String source = headers.get(CloudEventHeaders.SOURCE);
        String time = headers.get(CloudEventHeaders.TIME);
        if (id == null || type == null || source == null || time == null) {
            return Result.invalid("missing CloudEvents attribute(s): id, type, source and time are required");
        }
        try {
            JsonNode data = mapper.readTree(record.value() == null ? "null" : record.value());
            String subject = Optional.ofNullable(headers.get(CloudEventHeaders.SUBJECT)).orElse(record.key());
            String schemaVersion = headers.get(CloudEventHeaders.SCHEMA_VERSION);
            String aggregateVersion = headers.get(CloudEventHeaders.AGGREGATE_VERSION);
            return Result.ok(new EventEnvelope(id, type, source, subject, Instant.parse(time),
                    schemaVersion == null ? 1 : Integer.parseInt(schemaVersion),
                    aggregateVersion == null ? -1 : Long.parseLong(aggregateVersion),
                    headers.get(CloudEventHeaders.ACTOR_ROLE), headers.get(CloudEventHeaders.ACTOR_ID),
                    data, record.topic(), record.partition(), record.offset()));
        } catch (DateTimeParseException e) {
            return Result.invalid("ce_time is not an RFC 3339 time: " + time);
        } catch (NumberFormatException e) {
            return Result.invalid("a numeric extension attribute is not a number: " + e.getMessage());
        } catch (Exception e) {
            return Result.invalid("the value is not JSON: " + e.getMessage());
        }
    }

    /** Every header's value as text, read in one pass; the last one wins when a name repeats (as lastHeader does). */
    private static Map<String, String> headers(ConsumerRecord<?, ?> record) {
        Map<String, String> headers = new HashMap<>(16);
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Either an envelope or the reason the record could not be read as one. */
    public record Result(EventEnvelope envelope, String problem) {
        static Result ok(EventEnvelope envelope) {
            return new Result(envelope, null);
        }

        static Result invalid(String problem) {
            return new Result(null, problem);
        }

        public boolean isValid() {
            return envelope != null;
        }
    }
}
