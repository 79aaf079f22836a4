package fr.alize.platform.axon;

import fr.alize.contracts.EventType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the events stored before the catalog. Those rows name their payload by Java class
 * ({@code fr.alize.needs.need.NeedEvents$NeedPublished}) with no revision, and the class' simple name was already the
 * published name ({@code ce_type}). This upcaster renames such a row to its published name, version 1, so that it
 * replays even after the class has been renamed or moved. The payload is left as it is: version 1 is the schema those
 * events were written in.
 * <p>
 * A later schema version of an event type gets its own upcaster after this one in the chain (docs/events/README.md).
 */
final class LegacyEventNames extends SingleEventUpcaster {

    private final EventCatalog catalog;

    LegacyEventNames(EventCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return published(event).isPresent();
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        EventType type = published(event).orElseThrow();
        return event.upcastPayload(new SimpleSerializedType(type.name(), "1"), byte[].class, Function.identity());
    }

    private Optional<EventType> published(IntermediateEventRepresentation event) {
        String stored = event.getType().getName();
        int simpleName = Math.max(stored.lastIndexOf('$'), stored.lastIndexOf('.'));
        if (event.getType().getRevision() != null || simpleName < 0) {
            return Optional.empty();
        }
        return catalog.topic().event(stored.substring(simpleName + 1));
    }
}
