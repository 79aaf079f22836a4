package fr.alize.impact.eventlog;

import fr.alize.contracts.EventType;
import fr.alize.contracts.MissionsTopic;
import fr.alize.contracts.NeedsTopic;
import fr.alize.contracts.VolunteersTopic;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The event types impact-service logs, all those of its three source topics; any other is skipped and counted. */
public final class EventTypes {

    public static final Set<String> KNOWN = Stream.of(NeedsTopic.TOPIC, VolunteersTopic.TOPIC, MissionsTopic.TOPIC)
            .flatMap(topic -> topic.events().stream())
            .map(EventType::name)
            .collect(Collectors.toUnmodifiableSet());

    private EventTypes() {
    }

    public static boolean isKnown(String type) {
        return KNOWN.contains(type);
    }
}
