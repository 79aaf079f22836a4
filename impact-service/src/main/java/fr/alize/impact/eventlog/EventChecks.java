package fr.alize.impact.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import fr.alize.platform.events.EventEnvelope;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import static fr.alize.contracts.MissionsTopic.MISSION_STARTED;
import static fr.alize.contracts.MissionsTopic.TIME_LOGGED;
import static fr.alize.contracts.NeedsTopic.HEADCOUNT_DECLARED;
import static fr.alize.contracts.NeedsTopic.JOBS_REPORTED;
import static fr.alize.contracts.VolunteersTopic.PARTNER_PLEDGE_SET;

/**
 * What an event must hold before it enters the event log: the fields the reports read as numbers and dates must
 * parse, and the value must be storable as {@code jsonb} (no U+0000). An event that passes can never break a
 * report's SQL later; one that fails is parked, live and in a rebuild alike, with the same reason.
 */
final class EventChecks {

    private enum Kind { DATE, INTEGER, NUMBER }

    /** Per type, the fields the reports cast (see the figures package and the reports' own SQL). */
    private static final Map<String, Map<String, Kind>> FIELDS = Map.of(
            JOBS_REPORTED, Map.of("count", Kind.INTEGER, "date", Kind.DATE),
            TIME_LOGGED, Map.of("hours", Kind.NUMBER, "date", Kind.DATE),
            HEADCOUNT_DECLARED, Map.of("headcount", Kind.INTEGER, "date", Kind.DATE),
            PARTNER_PLEDGE_SET, Map.of("pledgedDays", Kind.INTEGER, "dailyRate", Kind.NUMBER, "year", Kind.INTEGER),
            MISSION_STARTED, Map.of("startDate", Kind.DATE));

    private EventChecks() {
    }

    /** The text columns of the log (see V2__event_log.sql) and their widths. */
    private static final int ID = 255;
    private static final int TYPE = 100;
    private static final int ROLE = 40;

    /** Why the event cannot be stored as it is, or null when it can. */
    static String problem(EventEnvelope event, String rawValue) {
        String tooLong = tooLong("ce_id", event.id(), ID);
        tooLong = tooLong != null ? tooLong : tooLong("ce_type", event.type(), TYPE);
        tooLong = tooLong != null ? tooLong : tooLong("ce_subject", event.subject(), ID);
        tooLong = tooLong != null ? tooLong : tooLong("ce_actorrole", event.actorRole(), ROLE);
        tooLong = tooLong != null ? tooLong : tooLong("ce_actorid", event.actorId(), ID);
        if (tooLong != null) {
            return tooLong;
        }
        if (rawValue != null && rawValue.contains("\\u0000") && holdsNul(event.data())) {
            return "the value holds the character U+0000, which PostgreSQL cannot store in jsonb";
        }
        for (Map.Entry<String, Kind> field : FIELDS.getOrDefault(event.type(), Map.of()).entrySet()) {
            JsonNode value = event.data().get(field.getKey());
            if (value == null || value.isNull() || !parses(value.asText(), field.getValue())) {
                return "%s.%s must be %s, got %s".formatted(event.type(), field.getKey(),
                        field.getValue() == Kind.DATE ? "an ISO date (YYYY-MM-DD)" : field.getValue() == Kind.INTEGER
                                ? "a whole number" : "a number", value == null ? "nothing" : abbreviated(value.toString()));
            }
        }
        return null;
    }

    private static String tooLong(String attribute, String value, int max) {
        return value != null && value.length() > max
                ? "%s is too long: %d characters, at most %d".formatted(attribute, value.length(), max) : null;
    }

    private static boolean parses(String text, Kind kind) {
        try {
            switch (kind) {
                case DATE -> LocalDate.parse(text);
                case INTEGER -> Integer.parseInt(text);
                case NUMBER -> new BigDecimal(text);
            }
            return true;
        } catch (DateTimeParseException | NumberFormatException e) {
            return false;
        }
    }

    private static boolean holdsNul(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue().indexOf('\0') >= 0;
        }
        for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
            if (field.getKey().indexOf('\0') >= 0 || holdsNul(field.getValue())) {
                return true;
            }
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (holdsNul(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String abbreviated(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    /** For the log's doc and tests: the types whose fields are checked. */
    static List<String> checkedTypes() {
        return List.copyOf(FIELDS.keySet());
    }
}
