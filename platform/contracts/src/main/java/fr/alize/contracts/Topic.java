package fr.alize.contracts;

import java.util.List;
import java.util.Optional;

/** A topic and the event types its one producer publishes on it. */
public record Topic(String address, String producer, List<EventType> events) {

    public Topic {
        events = List.copyOf(events);
        if (events.stream().map(EventType::name).distinct().count() != events.size()) {
            throw new IllegalArgumentException(address + " lists an event type twice: " + events);
        }
    }

    public Optional<EventType> event(String name) {
        return events.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** Every topic of the suite, as docs/asyncapi.yaml lists them. */
    public static List<Topic> all() {
        return List.of(NeedsTopic.TOPIC, VolunteersTopic.TOPIC, MissionsTopic.TOPIC, ImpactTopic.TOPIC);
    }
}
