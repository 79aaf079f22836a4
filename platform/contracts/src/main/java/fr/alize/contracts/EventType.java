package fr.alize.contracts;

import java.util.Objects;

/**
 * One published event type: the stable name it travels under ({@code ce_type}, and the payload type in the producer's
 * event store) and the version of its schema ({@code ce_schemaversion}), from 1. A schema change that a version-1
 * reader could not read takes the next version, with an upcaster in the producer (docs/events/README.md).
 */
public record EventType(String name, int version) {

    public EventType {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || version < 1) {
            throw new IllegalArgumentException("an event type needs a name and a version from 1: " + name + " v" + version);
        }
    }

    static EventType v1(String name) {
        return new EventType(name, 1);
    }
}
