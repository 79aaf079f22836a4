package fr.alize.impact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.alize.testing.EventContracts;
import fr.alize.testing.KafkaTestTopics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records for impact-service's consumers, built from the producers' documented examples (docs/events/**) with the
 * fields a test sets, checked against the schemas, and produced on the real broker with CloudEvents headers.
 */
public final class TestEvents {

    public static final String NEEDS = "alize.needs";
    public static final String VOLUNTEERS = "alize.volunteers";
    public static final String MISSIONS = "alize.missions";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<Class<?>> SET_UP = ConcurrentHashMap.newKeySet();
    /** Per documented type, its first example and its topic: read from docs/events once (a benchmark sends millions). */
    private static final Map<String, ObjectNode> EXAMPLES = new ConcurrentHashMap<>();
    private static final Map<String, String> TOPICS = new ConcurrentHashMap<>();
    private static KafkaProducer<String, String> producer;

    private TestEvents() {
    }

    public static void topicsExist() {
        for (String topic : List.of(NEEDS, VOLUNTEERS, MISSIONS)) {
            KafkaTestTopics.createTopic(topic, 3);
        }
    }

    /**
     * Runs a test class's data set-up once, from its first {@code @BeforeEach} (RestAssured knows the application's
     * port from then on, not yet in {@code @BeforeAll}), after making sure the topics exist.
     */
    public static void once(Object test, Runnable setUp) {
        if (SET_UP.add(test.getClass())) {
            topicsExist();
            setUp.run();
        }
    }

    public static String id() {
        return UUID.randomUUID().toString();
    }

    /** An event of a documented type, starting from the first example of its schema. */
    public static Event event(String type) {
        return new Event(type, EXAMPLES.computeIfAbsent(type, t -> (ObjectNode) read(EventContracts.examples(t).get(0)))
                .deepCopy());
    }

    /** A record of a type no schema documents (a producer newer than this consumer). */
    public static Event unknown(String type, String topic) {
        Event event = new Event(type, MAPPER.createObjectNode().put("somethingId", id()));
        event.topic = topic;
        return event;
    }

    private static Object read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestTopics.onTestBroker().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0),
                    new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    /** Waits for the broker to acknowledge every record sent without waiting. */
    public static void flush() {
        producer().flush();
    }

    public static final class Event {
        private final String type;
        private final ObjectNode data;
        private String topic;
        private String eventId = TestEvents.id();
        private Instant occurredAt = Instant.now();
        private Long recordedAt;
        private long version = -1;
        private String actorRole;
        private String actorId;
        private boolean checked = true;
        private final Map<String, String> extraHeaders = new LinkedHashMap<>();

        private Event(String type, ObjectNode data) {
            this.type = type;
            this.data = data;
        }

        public Event with(String field, Object value) {
            data.set(field, MAPPER.valueToTree(value));
            return this;
        }

        /** A header beyond the CloudEvents ones (a {@code traceparent}, say). */
        public Event header(String name, String value) {
            extraHeaders.put(name, value);
            return this;
        }

        public Event id(String eventId) {
            this.eventId = eventId;
            return this;
        }

        public Event occurredAt(Instant at) {
            this.occurredAt = at;
            return this;
        }

        /** The time the record is recorded on its topic (the Kafka timestamp), which "as of" reports filter on. */
        public Event recordedAt(Instant at) {
            this.recordedAt = at.toEpochMilli();
            return this;
        }

        public Event version(long version) {
            this.version = version;
            return this;
        }

        public Event by(String role, String id) {
            this.actorRole = role;
            this.actorId = id;
            return this;
        }

        public String eventId() {
            return eventId;
        }

        public String type() {
            return type;
        }

        public Instant occurredAt() {
            return occurredAt;
        }

        public String data(String field) {
            return data.path(field).asText();
        }

        /** Sent without checking it against its schema (a benchmark checks the first of each type only). */
        public Event unchecked() {
            this.checked = false;
            return this;
        }

        /** Another event with the same type, data, topic, times and actor (and the same id until told another). */
        public Event copy() {
            Event copy = new Event(type, data.deepCopy());
            copy.topic = topic;
            copy.eventId = eventId;
            copy.occurredAt = occurredAt;
            copy.recordedAt = recordedAt;
            copy.version = version;
            copy.actorRole = actorRole;
            copy.actorId = actorId;
            return copy;
        }

        public String json() {
            return data.toString();
        }

        private String topic() {
            return topic != null ? topic : TOPICS.computeIfAbsent(type, Event::topicOf);
        }

        private static String topicOf(String type) {
            for (String t : List.of(NEEDS, VOLUNTEERS, MISSIONS)) {
                if (Files.exists(EventContracts.eventsFolder().resolve(t.substring("alize.".length())).resolve(type + ".schema.json"))) {
                    return t;
                }
            }
            throw new IllegalArgumentException("no schema for " + type);
        }

        private String key() {
            for (String field : List.of("missionId", "needId", "volunteerId", "smeId", "partnerId")) {
                if (data.hasNonNull(field)) {
                    return data.get(field).asText();
                }
            }
            return eventId;
        }

        /** Sends the record (valid against its schema when documented) and waits for the broker. */
        public RecordMetadata send() {
            try {
                return sendLater().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("cannot produce " + type, e);
            }
        }

        /** Sends without waiting; {@link TestEvents#flush()} waits for all. */
        public Future<RecordMetadata> sendLater() {
            if (topic == null && checked) {
                assertThat(EventContracts.validate(type, json())).as("%s against its schema", type).isEmpty();
            }
            Map<String, String> headers = new LinkedHashMap<>(Map.of("ce_specversion", "1.0", "ce_id", eventId,
                    "ce_type", type, "ce_source", "/alize/test", "ce_subject", key(),
                    "ce_time", occurredAt.toString(), "ce_schemaversion", "1", "content-type", "application/json"));
            if (version >= 0) {
                headers.put("ce_aggregateversion", String.valueOf(version));
            }
            if (actorRole != null) {
                headers.put("ce_actorrole", actorRole);
                headers.put("ce_actorid", actorId);
            }
            headers.putAll(extraHeaders);
            ProducerRecord<String, String> record = new ProducerRecord<>(topic(), null, recordedAt, key(), json());
            headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            return producer().send(record);
        }
    }

    /** The events of a mission with the ids every mission event carries. */
    public record Mission(String missionId, String needId, String smeId, String volunteerId, String partnerId) {
        public static Mission of(String smeId, String partnerId) {
            return new Mission(id(), id(), smeId, id(), partnerId);
        }

        public Event event(String type) {
            return TestEvents.event(type).with("missionId", missionId).with("needId", needId).with("smeId", smeId)
                    .with("volunteerId", volunteerId).with("partnerId", partnerId);
        }

        public Event started(String date) {
            return event("MissionStarted").with("startDate", date);
        }

        public Event logged(String entryId, String date, double hours, String corrects) {
            return event("TimeLogged").with("entryId", entryId).with("date", date).with("hours", hours)
                    .with("correctsEntryId", corrects);
        }
    }
}
