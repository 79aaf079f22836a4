package fr.alize.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

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
        String id = null, type = null, source = null, time = null, subject = null, schemaVersion = null;
        String aggregateVersion = null, actorRole = null, actorId = null;
        for (Header header : record.headers()) { // in one pass; the last one wins when a name repeats, as lastHeader does
            switch (header.key()) {
                case CloudEventHeaders.ID -> id = text(header);
                case CloudEventHeaders.TYPE -> type = text(header);
                case CloudEventHeaders.SOURCE -> source = text(header);
                case CloudEventHeaders.TIME -> time = text(header);
                case CloudEventHeaders.SUBJECT -> subject = text(header);
                case CloudEventHeaders.SCHEMA_VERSION -> schemaVersion = text(header);
                case CloudEventHeaders.AGGREGATE_VERSION -> aggregateVersion = text(header);
                case CloudEventHeaders.ACTOR_ROLE -> actorRole = text(header);
                case CloudEventHeaders.ACTOR_ID -> actorId = text(header);
                default -> {
                }
            }
        }
        if (id == null || type == null || source == null || time == null) {
            return Result.invalid("missing CloudEvents attribute(s): id, type, source and time are required");
        }
        try {
            JsonNode data = mapper.readTree(record.value() == null ? "null" : record.value());
            return Result.ok(new EventEnvelope(id, type, source, subject == null ? record.key() : subject, instant(time),
                    schemaVersion == null ? 1 : Integer.parseInt(schemaVersion),
                    aggregateVersion == null ? -1 : Long.parseLong(aggregateVersion), actorRole, actorId,
                    data, record.topic(), record.partition(), record.offset()));
        } catch (DateTimeParseException e) {
            return Result.invalid("ce_time is not an RFC 3339 time: " + time);
        } catch (NumberFormatException e) {
            return Result.invalid("a numeric extension attribute is not a number: " + e.getMessage());
        } catch (Exception e) {
            return Result.invalid("the value is not JSON: " + e.getMessage());
        }
    }

    private static String text(Header header) {
        return header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * {@link Instant#parse}, with a short way for the shape our producers write ({@code Instant.toString()}: UTC,
     * {@code Z}, up to nine digits of fraction), which a rebuild reads a million times; anything else, and any value
     * out of range, goes through {@link Instant#parse} and gets its answer.
     */
    static Instant instant(String time) {
        int length = time.length();
        if (length >= 20 && length <= 30 && time.charAt(4) == '-' && time.charAt(7) == '-' && time.charAt(10) == 'T'
                && time.charAt(13) == ':' && time.charAt(16) == ':' && time.charAt(length - 1) == 'Z'
                && (length == 20 || time.charAt(19) == '.' && length > 21)) {
            int year = digits(time, 0, 4), month = digits(time, 5, 7), day = digits(time, 8, 10);
            int hour = digits(time, 11, 13), minute = digits(time, 14, 16), second = digits(time, 17, 19);
            int nanos = length == 20 ? 0 : digits(time, 20, length - 1);
            if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && minute >= 0 && second >= 0 && nanos >= 0) {
                for (int i = length - 1; i < 29; i++) {
                    nanos *= 10; // ".5" is 500,000,000 ns
                }
                try {
                    return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
                } catch (DateTimeException outOfRange) {
                    // a 31st of April, a leap second...: Instant.parse decides
                }
            }
        }
        return Instant.parse(time);
    }

    /** The decimal number in {@code text[from, to)}, or -1 when a character there is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
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
