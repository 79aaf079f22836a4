package fr.alize.needs.infrastructure;

import fr.alize.needs.need.NeedEvents;
import fr.alize.needs.sme.SmeEvents;
import fr.alize.contracts.NeedsTopic;
import fr.alize.platform.axon.EventCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The events this service publishes, each class bound to its published name on {@code NeedsTopic} (docs/events). The
 * event store and the topic name events by these names; a class can be renamed or moved freely, a name cannot.
 */
@ApplicationScoped
public class PublishedEvents {

    public static final EventCatalog CATALOG = EventCatalog.of(NeedsTopic.TOPIC)
            .bind(NeedsTopic.SME_APPLIED, SmeEvents.SmeApplied.class)
            .bind(NeedsTopic.SME_APPROVED, SmeEvents.SmeApproved.class)
            .bind(NeedsTopic.SME_REJECTED, SmeEvents.SmeRejected.class)
            .bind(NeedsTopic.SME_PROFILE_UPDATED, SmeEvents.SmeProfileUpdated.class)
            .bind(NeedsTopic.SME_CONTACT_ERASED, SmeEvents.SmeContactErased.class)
            .bind(NeedsTopic.HEADCOUNT_DECLARED, SmeEvents.HeadcountDeclared.class)
            .bind(NeedsTopic.JOBS_REPORTED, SmeEvents.JobsReported.class)
            .bind(NeedsTopic.NEED_PUBLISHED, NeedEvents.NeedPublished.class)
            .bind(NeedsTopic.NEED_AMENDED, NeedEvents.NeedAmended.class)
            .bind(NeedsTopic.NEED_WITHDRAWN, NeedEvents.NeedWithdrawn.class)
            .bind(NeedsTopic.NEED_EXPIRED, NeedEvents.NeedExpired.class)
            .bind(NeedsTopic.NEED_MATCHED, NeedEvents.NeedMatched.class)
            .bind(NeedsTopic.NEED_FULFILLED, NeedEvents.NeedFulfilled.class)
            .bind(NeedsTopic.NEED_REOPENED, NeedEvents.NeedReopened.class)
            .build();

    @Produces
    @Singleton
    EventCatalog catalog() {
        return CATALOG;
    }
}
