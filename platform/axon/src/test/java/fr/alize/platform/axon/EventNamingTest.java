package fr.alize.platform.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.alize.contracts.EventType;
import fr.alize.contracts.Topic;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Events are stored by their published name and version; rows of the former naming by class still read. */
class EventNamingTest {

    record ThingMade(String thingId, int size) {
    }

    record ThingDropped(String thingId) {
    }

    record NotPublished(String x) {
    }

    static final Topic THINGS = new Topic("alize.things", "things-service",
            List.of(new EventType("ThingMade", 1), new EventType("ThingDropped", 2)));
    static final EventCatalog CATALOG = EventCatalog.of(THINGS)
            .bind("ThingMade", ThingMade.class)
            .bind("ThingDropped", ThingDropped.class)
            .build();

    final CatalogSerializer events = CatalogSerializer.forEvents(new ObjectMapper(), CATALOG);

    @Test
    void anEventIsStoredUnderItsPublishedNameAndVersionAndReadBack() {
        SerializedObject<byte[]> stored = events.serialize(new ThingDropped("t-1"), byte[].class);
        assertThat(stored.getType().getName()).isEqualTo("ThingDropped");
        assertThat(stored.getType().getRevision()).isEqualTo("2");
        assertThat(events.<byte[], ThingDropped>deserialize(stored)).isEqualTo(new ThingDropped("t-1"));
    }

    @Test
    void anEventOutsideTheCatalogIsRefusedAtOnceNamingItsClass() {
        assertThatThrownBy(() -> events.serialize(new NotPublished("x"), byte[].class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(NotPublished.class.getName())
                .hasMessageContaining("alize.things");
        // metadata goes through the same serializer and is not an event
        assertThat(events.serialize(MetaData.with("actor", "cci"), byte[].class).getType().getName())
                .isEqualTo(MetaData.class.getName());
    }

    @Test
    void theGeneralSerializerKeepsNamingOtherObjectsByClass() {
        CatalogSerializer general = CatalogSerializer.general(new ObjectMapper(), CATALOG);
        assertThat(general.serialize(new NotPublished("x"), byte[].class).getType().getName())
                .isEqualTo(NotPublished.class.getName());
        assertThat(general.serialize(new ThingMade("t", 1), byte[].class).getType().getName()).isEqualTo("ThingMade");
    }

    @Test
    void aRowStoredUnderAJavaClassBeforeTheCatalogReadsAsVersionOneEvenAfterTheClassMoved() {
        byte[] payload = "{\"thingId\":\"t-9\",\"size\":3}".getBytes(StandardCharsets.UTF_8);
        var row = new GenericDomainEventEntry<>("Thing", "t-9", 0, "e-1", "2026-01-01T00:00:00Z",
                "fr.alize.things.old.ThingEvents$ThingMade", null, payload, metaData());
        IntermediateEventRepresentation read = new LegacyEventNames(CATALOG)
                .upcast(Stream.of(new InitialEventRepresentation(row, events))).findFirst().orElseThrow();

        assertThat(read.getType()).isEqualTo(new SimpleSerializedType("ThingMade", "1"));
        SerializedObject<byte[]> upcast = read.getData(byte[].class);
        assertThat(events.<byte[], ThingMade>deserialize(upcast)).isEqualTo(new ThingMade("t-9", 3));
    }

    @Test
    void rowsWithARevisionOrOfAnotherTypeAreLeftAlone() {
        LegacyEventNames legacy = new LegacyEventNames(CATALOG);
        var named = new GenericDomainEventEntry<>("Thing", "t-9", 0, "e-1", "2026-01-01T00:00:00Z",
                "ThingDropped", "2", "{}".getBytes(StandardCharsets.UTF_8), metaData());
        var unknown = new GenericDomainEventEntry<>("Thing", "t-9", 1, "e-2", "2026-01-01T00:00:00Z",
                "fr.alize.things.ThingEvents$ThingPolished", null, "{}".getBytes(StandardCharsets.UTF_8), metaData());
        assertThat(legacy.upcast(Stream.of(new InitialEventRepresentation(named, events),
                        new InitialEventRepresentation(unknown, events))).map(IntermediateEventRepresentation::getType))
                .containsExactly(new SimpleSerializedType("ThingDropped", "2"),
                        new SimpleSerializedType("fr.alize.things.ThingEvents$ThingPolished", null));
    }

    @Test
    void aCatalogMustBindEveryEventOfItsTopicOnceAndOnlyThose() {
        assertThatThrownBy(() -> EventCatalog.of(THINGS).bind("ThingMade", ThingMade.class).build())
                .hasMessageContaining("no class for [ThingDropped] of alize.things");
        assertThatThrownBy(() -> EventCatalog.of(THINGS).bind("ThingPolished", ThingMade.class))
                .hasMessageContaining("ThingPolished is not an event type of alize.things");
        assertThatThrownBy(() -> EventCatalog.of(THINGS).bind("ThingMade", ThingMade.class).bind("ThingDropped", ThingMade.class))
                .hasMessageContaining("bound twice");
    }

    private byte[] metaData() {
        return events.serialize(MetaData.emptyInstance(), byte[].class).getData();
    }
}
