package fr.alize.matching.mission;

import fr.alize.contracts.MissionsTopic;
import fr.alize.platform.axon.EventCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The events this service publishes, each class bound to its published name on {@code MissionsTopic} (docs/events). The
 * event store and the topic name events by these names; a class can be renamed or moved freely, a name cannot.
 */
@ApplicationScoped
public class PublishedEvents {

    public static final EventCatalog CATALOG = EventCatalog.of(MissionsTopic.TOPIC)
            .bind(MissionsTopic.MISSION_PROPOSED, MissionEvents.MissionProposed.class)
            .bind(MissionsTopic.MISSION_ACCEPTED, MissionEvents.MissionAccepted.class)
            .bind(MissionsTopic.MISSION_DECLINED, MissionEvents.MissionDeclined.class)
            .bind(MissionsTopic.MISSION_STARTED, MissionEvents.MissionStarted.class)
            .bind(MissionsTopic.TIME_LOGGED, MissionEvents.TimeLogged.class)
            .bind(MissionsTopic.MISSION_COMPLETED, MissionEvents.MissionCompleted.class)
            .bind(MissionsTopic.MISSION_CANCELLED, MissionEvents.MissionCancelled.class)
            .build();

    @Produces
    @Singleton
    EventCatalog catalog() {
        return CATALOG;
    }
}
