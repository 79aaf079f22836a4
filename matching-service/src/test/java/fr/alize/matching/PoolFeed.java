package fr.alize.matching;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.alize.testing.EventContracts;
import fr.alize.testing.KafkaTestTopics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Feeds the needs and volunteers topics as their producers would: each value starts from the documented example of
 * its type (docs/events) with the fields a test sets, and is checked against the schema before it is sent.
 */
public final class PoolFeed {

    public static final String NEEDS = "alize.needs";
    public static final String VOLUNTEERS = "alize.volunteers";
    public static final String MISSIONS = "alize.missions";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PoolFeed() {
    }

    public static void topicsExist() {
        for (String topic : new String[]{NEEDS, VOLUNTEERS, MISSIONS}) {
            KafkaTestTopics.createTopic(topic, 3);
        }
    }

    /** The documented example of the type with these fields replaced (a value of null removes nothing). */
    public static String event(String type, Map<String, Object> fields) {
        try {
            ObjectNode value = (ObjectNode) MAPPER.readTree(EventContracts.examples(type).get(0));
            fields.forEach((name, v) -> value.set(name, MAPPER.valueToTree(v)));
            String json = MAPPER.writeValueAsString(value);
            if (!EventContracts.validate(type, json).isEmpty()) {
                throw new IllegalArgumentException(type + " does not follow its schema: " + EventContracts.validate(type, json));
            }
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one event with its CloudEvents headers; returns the event id (to send it again, as a duplicate). */
    public static String send(String topic, String type, String key, long version, String value) {
        return send(topic, type, key, version, value, UUID.randomUUID().toString());
    }

    public static String send(String topic, String type, String key, long version, String value, String eventId) {
        Map<String, String> headers = new HashMap<>(Map.of("ce_specversion", "1.0", "ce_id", eventId, "ce_type", type,
                "ce_source", topic.equals(NEEDS) ? "/alize/needs-service" : "/alize/volunteer-service",
                "ce_subject", key, "ce_time", Instant.now().toString(), "ce_schemaversion", "1",
                "content-type", "application/json"));
        headers.put("ce_aggregateversion", Long.toString(version));
        KafkaTestTopics.produce(topic, key, value, headers);
        return eventId;
    }

    /** A skill no other test uses, so that a test's rankings hold only its own volunteers. */
    public static String uniqueSkill() {
        return "skill-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A need for one skill at level 3, from 1 February to 31 March 2027. */
    public static void needPublished(String needId, String smeId, String skillId, String communeCode) {
        send(NEEDS, "NeedPublished", needId, 0, event("NeedPublished", Map.of("needId", needId, "smeId", smeId,
                "skills", List.of(Map.of("skillId", skillId, "level", 3)),
                "communeCode", communeCode, "windowStart", "2027-02-01", "windowEnd", "2027-03-31")));
    }

    public static void volunteerRegistered(String volunteerId, String partnerId, String skillId, int level, String communeCode) {
        send(VOLUNTEERS, "VolunteerRegistered", volunteerId, 0, event("VolunteerRegistered", Map.of(
                "volunteerId", volunteerId, "partnerId", partnerId, "communeCode", communeCode,
                "skills", List.of(Map.of("skillId", skillId, "level", level)))));
    }

    public static String uuid() {
        return UUID.randomUUID().toString();
    }
}
