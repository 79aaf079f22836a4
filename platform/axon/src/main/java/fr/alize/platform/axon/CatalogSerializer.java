package fr.alize.platform.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.alize.contracts.EventType;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.util.Optional;

/**
 * Axon's Jackson serializer, naming published events by their {@link EventCatalog} name and schema version instead of
 * their Java class. Everything else (metadata, tracking tokens, snapshots) keeps Axon's naming by class.
 * <p>
 * The event store's instance is strict: storing an event whose class is not in the catalog fails the command at once,
 * rather than writing a row that no consumer and no later version of the code could name.
 */
final class CatalogSerializer extends JacksonSerializer {

    private final EventCatalog catalog;
    private final boolean strict;

    private CatalogSerializer(Builder builder, EventCatalog catalog, boolean strict) {
        super(builder);
        this.catalog = catalog;
        this.strict = strict;
    }

    /** For the event store: every payload must be a published event. */
    static CatalogSerializer forEvents(ObjectMapper mapper, EventCatalog catalog) {
        return new CatalogSerializer(builder(mapper), catalog, true);
    }

    /** For the rest: tokens, snapshots and the like, which stay named by class. */
    static CatalogSerializer general(ObjectMapper mapper, EventCatalog catalog) {
        return new CatalogSerializer(builder(mapper), catalog, false);
    }

    private static Builder builder(ObjectMapper mapper) {
        return JacksonSerializer.builder().objectMapper(mapper).lenientDeserialization();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        Optional<EventType> published = type == null ? Optional.empty() : catalog.typeOf(type);
        if (published.isPresent()) {
            return new SimpleSerializedType(published.get().name(), Integer.toString(published.get().version()));
        }
        if (strict && type != null && !MetaData.class.equals(type)) {
            catalog.require(type); // throws, naming the class
        }
        return super.typeForClass(type);
    }

    @Override
    protected String resolveClassName(SerializedType serializedType) {
        return catalog.classOf(serializedType.getName()).map(Class::getName)
                .orElseGet(() -> super.resolveClassName(serializedType));
    }
}
