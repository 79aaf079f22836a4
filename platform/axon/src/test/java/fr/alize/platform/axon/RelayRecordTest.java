package fr.alize.platform.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.alize.contracts.EventType;
import fr.alize.contracts.Topic;
import fr.alize.platform.events.Actors;
import fr.alize.platform.events.CloudEventHeaders;
import fr.alize.platform.events.EventTracing;
import fr.alize.platform.relay.KafkaEventPublisher;
import fr.alize.platform.relay.RelayConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.LazyDeserializingObject;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The record the relay sends for an event: the stored JSON as it is, under the event's published name. */
class RelayRecordTest {

    record ThingMade(String thingId, int size) {
    }

    static final EventCatalog CATALOG = EventCatalog.of(new Topic("alize.things", "things-service",
                    List.of(new EventType("ThingMade", 1))))
            .bind("ThingMade", ThingMade.class)
            .build();

    final CatalogSerializer events = CatalogSerializer.forEvents(new ObjectMapper(), CATALOG);
    final KafkaEventPublisher relay = new KafkaEventPublisher("things-service", config(), "127.0.0.1:1", events,
            new SimpleMeterRegistry(), new EventTracing(OpenTelemetry.noop()), CATALOG);

    @Test
    void anEventReadFromTheStoreIsSentAsItsStoredJsonWithoutBeingDeserialized() {
        // fields in another order than the record's, as a serializer writing the payload again would not keep them
        String stored = "{\"size\":3,\"thingId\":\"t-9\"}";
        LazyDeserializingObject<Object> payload = new LazyDeserializingObject<>(new SimpleSerializedObject<>(
                stored.getBytes(StandardCharsets.UTF_8), byte[].class, "ThingMade", "1"), events);
        LazyDeserializingObject<MetaData> metaData = new LazyDeserializingObject<>(
                events.serialize(MetaData.with(Actors.ROLE, "sme"), byte[].class), events);
        var event = new GenericDomainEventMessage<>("Thing", "t-9", 4,
                new SerializedMessage<>("e-1", payload, metaData), Instant.parse("2026-12-03T10:00:00Z"));

        ProducerRecord<String, String> record = relay.toRecord(event);

        assertThat(record.value()).isEqualTo(stored);
        assertThat(payload.isDeserialized()).as("payload deserialized to be sent").isFalse();
        assertThat(record.key()).isEqualTo("t-9");
        assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo("ThingMade");
        assertThat(header(record, CloudEventHeaders.SCHEMA_VERSION)).isEqualTo("1");
        assertThat(header(record, CloudEventHeaders.AGGREGATE_VERSION)).isEqualTo("4");
        assertThat(header(record, CloudEventHeaders.ACTOR_ROLE)).isEqualTo("sme");
    }

    @Test
    void anEventStillInMemoryIsSentAsTheStoreWritesIt() {
        ThingMade made = new ThingMade("t-1", 2);
        ProducerRecord<String, String> record = relay.toRecord(new GenericDomainEventMessage<>("Thing", "t-1", 0, made));

        assertThat(record.value()).isEqualTo(new String(events.serialize(made, byte[].class).getData(), StandardCharsets.UTF_8))
                .isEqualTo("{\"thingId\":\"t-1\",\"size\":2}");
        assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo("ThingMade");
    }

    private static String header(ProducerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static RelayConfig config() {
        return new RelayConfig() {
            public String topic() {
                return "alize.things";
            }

            public int partitions() {
                return 1;
            }

            public short replicationFactor() {
                return 1;
            }

            public Optional<Integer> minInsyncReplicas() {
                return Optional.empty();
            }

            public int batchSize() {
                return 200;
            }

            public Duration sendTimeout() {
                return Duration.ofSeconds(3);
            }

            public Duration claimTimeout() {
                return Duration.ofSeconds(5);
            }

            public Duration claimInterval() {
                return Duration.ofSeconds(1);
            }

            public Duration stallAfter() {
                return Duration.ofSeconds(60);
            }
        };
    }
}
