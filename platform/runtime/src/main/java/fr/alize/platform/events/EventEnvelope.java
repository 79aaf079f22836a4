package fr.alize.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        String source = header(record, CloudEventHeaders.SOURCE);
        String time = header(record, CloudEventHeaders.TIME);
        if (id == null || type == null || source == null || time == null) {
            return Result.invalid("missing CloudEvents attribute(s): id, type, source and time are required");
        }
        try {
            JsonNode data = mapper.readTree(record.value() == null ? "null" : record.value());
            String subject = Optional.ofNullable(header(record, CloudEventHeaders.SUBJECT)).orElse(record.key());
            return Result.ok(new EventEnvelope(id, type, source, subject, Instant.parse(time),
                    intHeader(record, CloudEventHeaders.SCHEMA_VERSION, 1),
                    longHeader(record, CloudEventHeaders.AGGREGATE_VERSION),
                    header(record, CloudEventHeaders.ACTOR_ROLE), header(record, CloudEventHeaders.ACTOR_ID),
                    data, record.topic(), record.partition(), record.offset()));
        } catch (DateTimeParseException e) {
            return Result.invalid("ce_time is not an RFC 3339 time: " + time);
        } catch (NumberFormatException e) {
            return Result.invalid("a numeric extension attribute is not a number: " + e.getMessage());
        } catch (Exception e) {
            return Result.invalid("the value is not JSON: " + e.getMessage());
        }
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static int intHeader(ConsumerRecord<?, ?> record, String name, int fallback) {
        String value = header(record, name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    private static long longHeader(ConsumerRecord<?, ?> record, String name) {
        String value = header(record, name);
        return value == null ? -1 : Long.parseLong(value);
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
