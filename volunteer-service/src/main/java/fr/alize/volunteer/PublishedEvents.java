package fr.alize.volunteer;

import fr.alize.volunteer.partner.PartnerEvents;
import fr.alize.volunteer.skills.SkillTaxonomyEvents;
import fr.alize.volunteer.volunteer.VolunteerEvents;
import fr.alize.contracts.VolunteersTopic;
import fr.alize.platform.axon.EventCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The events this service publishes, each class bound to its published name on {@code VolunteersTopic} (docs/events). The
 * event store and the topic name events by these names; a class can be renamed or moved freely, a name cannot.
 */
@ApplicationScoped
public class PublishedEvents {

    public static final EventCatalog CATALOG = EventCatalog.of(VolunteersTopic.TOPIC)
            .bind(VolunteersTopic.PARTNER_ENROLLED, PartnerEvents.PartnerEnrolled.class)
            .bind(VolunteersTopic.PARTNER_PLEDGE_SET, PartnerEvents.PartnerPledgeSet.class)
            .bind(VolunteersTopic.VOLUNTEER_REGISTERED, VolunteerEvents.VolunteerRegistered.class)
            .bind(VolunteersTopic.VOLUNTEER_UPDATED, VolunteerEvents.VolunteerUpdated.class)
            .bind(VolunteersTopic.VOLUNTEER_PAUSED, VolunteerEvents.VolunteerPaused.class)
            .bind(VolunteersTopic.VOLUNTEER_RESUMED, VolunteerEvents.VolunteerResumed.class)
            .bind(VolunteersTopic.VOLUNTEER_OFFBOARDED, VolunteerEvents.VolunteerOffboarded.class)
            .bind(VolunteersTopic.VOLUNTEER_PERSONAL_DATA_ERASED, VolunteerEvents.VolunteerPersonalDataErased.class)
            .bind(VolunteersTopic.SKILL_TAXONOMY_PUBLISHED, SkillTaxonomyEvents.SkillTaxonomyPublished.class)
            .build();

    @Produces
    @Singleton
    EventCatalog catalog() {
        return CATALOG;
    }
}
