package fr.alize.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventEnvelopeTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    static ConsumerRecord<String, String> record(String value, String... headers) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("alize.missions", 2, 41L, "key-1", value);
        for (int i = 0; i < headers.length; i += 2) {
            record.headers().add(headers[i], headers[i + 1] == null ? null : headers[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    static final String[] REQUIRED = {"ce_id", "e-1", "ce_type", "TimeLogged", "ce_source", "/alize/matching-service",
            "ce_time", "2026-11-26T10:15:30.123456Z"};

    @Test
    void readsEveryAttributeAndThePositionOfTheRecord() {
        EventEnvelope event = EventEnvelope.parse(record("{\"hours\":7}", concat(REQUIRED, "ce_subject", "m-1",
                "ce_schemaversion", "2", "ce_aggregateversion", "5", "ce_actorrole", "volunteer", "ce_actorid", "v-1")),
                MAPPER).envelope();

        assertEquals(new EventEnvelope("e-1", "TimeLogged", "/alize/matching-service", "m-1",
                Instant.parse("2026-11-26T10:15:30.123456Z"), 2, 5, "volunteer", "v-1", MAPPER.createObjectNode().put("hours", 7),
                "alize.missions", 2, 41L), event);
    }

    @Test
    void defaultsWhenOptionalAttributesAreMissingAndTheLastOfARepeatedHeaderWins() {
        EventEnvelope event = EventEnvelope.parse(record("{}", concat(REQUIRED, "ce_type", "TimeCorrected")), MAPPER)
                .envelope();

        assertEquals("TimeCorrected", event.type());
        assertEquals("key-1", event.subject(), "the key stands for a missing subject");
        assertEquals(1, event.schemaVersion());
        assertEquals(-1, event.aggregateVersion());
        assertNull(event.actorRole());
    }

    @Test
    void explainsWhyARecordIsNotOneOfOurEvents() {
        problemContains(EventEnvelope.parse(record("{}", "ce_id", "e-1", "ce_type", "T", "ce_source", "/s"), MAPPER).problem(),
                "id, type, source and time are required");
        problemContains(EventEnvelope.parse(record("{}", concat(REQUIRED, "ce_time", "yesterday")), MAPPER).problem(),
                "ce_time is not an RFC 3339 time: yesterday");
        problemContains(EventEnvelope.parse(record("{}", concat(REQUIRED, "ce_aggregateversion", "five")), MAPPER).problem(),
                "not a number");
        problemContains(EventEnvelope.parse(record("{not json", REQUIRED), MAPPER).problem(),
                "the value is not JSON");
    }

    @Test
    void readsEveryTimeAsInstantParseDoesAndRefusesWhatItRefuses() {
        for (String time : new String[]{"2026-11-26T10:15:30Z", "2026-11-26T10:15:30.5Z", "2026-11-26T10:15:30.123456Z",
                "2026-11-26T10:15:30.123456789Z", "2024-02-29T23:59:59.000000001Z", "0001-01-01T00:00:00Z",
                "2026-11-26T10:15:30+01:00", "2026-11-26T10:15:30.25-05:30", "2026-12-31T23:59:60Z", "2026-11-26T24:00:00Z", "2026-11-26T10:15:30.Z", "2026-11-26t10:15:30z"}) {
            assertEquals(Instant.parse(time), EventEnvelope.instant(time), time);
        }
        for (String time : new String[]{"2026-02-29T10:15:30Z", "2026-04-31T10:15:30Z", "2026-13-01T10:15:30Z",
                "2026-11-26T10:60:00Z", "2026-11-26T10:15:30.1234567890Z",
                "2026-11-26T10:15:3aZ", "+2026-11-26T10:15:30Z", "2026-11-26 10:15:30Z"}) {
            assertThrows(DateTimeParseException.class, () -> Instant.parse(time), time);
            assertThrows(DateTimeParseException.class, () -> EventEnvelope.instant(time), time);
        }
    }

    static void problemContains(String problem, String expected) {
        assertTrue(problem != null && problem.contains(expected), () -> "expected '" + expected + "' in: " + problem);
    }

    static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
