package fr.alize.platform.axon;

import fr.alize.contracts.EventType;
import fr.alize.contracts.Topic;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The events one service publishes: each of its event classes bound to the published type it stands for (a name and a
 * schema version of its topic in {@code fr.alize.contracts}). The event store and the topic know events by that name;
 * the Java class can be renamed or moved with no effect on either. A service declares its catalog once, as a CDI bean
 * ({@code <service>.infrastructure.PublishedEvents}); {@link AxonRuntime} refuses to start without one.
 */
public final class EventCatalog {

    private final Topic topic;
    private final Map<Class<?>, EventType> byClass;
    private final Map<String, Class<?>> byName = new LinkedHashMap<>();

    private EventCatalog(Topic topic, Map<Class<?>, EventType> byClass) {
        this.topic = topic;
        this.byClass = Map.copyOf(byClass);
        byClass.forEach((type, event) -> byName.put(event.name(), type));
    }

    public static Builder of(Topic topic) {
        return new Builder(topic);
    }

    public Topic topic() {
        return topic;
    }

    /** The published type of an event class, empty for a class that is not a published event. */
    public Optional<EventType> typeOf(Class<?> eventClass) {
        return Optional.ofNullable(byClass.get(eventClass));
    }

    /** The class bound to a published name, empty for a name this service does not publish. */
    public Optional<Class<?>> classOf(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The class once stored under its fully qualified Java name (the store's format before the catalog). */
    public Optional<Class<?>> classOfJavaName(String javaName) {
        return byClass.keySet().stream().filter(type -> type.getName().equals(javaName)).findFirst();
    }

    /** The published type, or a failure naming the class: an event that is not in the catalog is never stored. */
    public EventType require(Class<?> eventClass) {
        EventType type = byClass.get(eventClass);
        if (type == null) {
            throw new IllegalStateException(eventClass.getName() + " is not a published event of " + topic.address()
                    + ": bind it to its published name in the service's PublishedEvents before applying it");
        }
        return type;
    }

    public static final class Builder {

        private final Topic topic;
        private final Map<Class<?>, EventType> byClass = new LinkedHashMap<>();

        private Builder(Topic topic) {
            this.topic = topic;
        }

        public Builder bind(String name, Class<?> eventClass) {
            EventType type = topic.event(name).orElseThrow(() -> new IllegalArgumentException(
                    name + " is not an event type of " + topic.address() + " (fr.alize.contracts)"));
            if (byClass.containsValue(type) || byClass.containsKey(eventClass)) {
                throw new IllegalArgumentException(name + " or " + eventClass.getName() + " is bound twice");
            }
            byClass.put(eventClass, type);
            return this;
        }

        /** The catalog; every event type of the topic must have its class. */
        public EventCatalog build() {
            Set<String> unbound = new TreeSet<>();
            topic.events().stream().filter(type -> !byClass.containsValue(type)).forEach(t -> unbound.add(t.name()));
            if (!unbound.isEmpty()) {
                throw new IllegalArgumentException("no class for " + unbound + " of " + topic.address());
            }
            return new EventCatalog(topic, byClass);
        }
    }
}
