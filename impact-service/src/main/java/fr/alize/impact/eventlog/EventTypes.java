package fr.alize.impact.eventlog;

import java.util.Set;

/** The event types impact-service knows, per the contracts in docs/events; any other type is skipped and counted. */
public final class EventTypes {

    public static final Set<String> KNOWN = Set.of(
            // alize.needs
            "SmeApplied", "SmeApproved", "SmeRejected", "SmeProfileUpdated", "SmeContactErased", "HeadcountDeclared", "JobsReported",
            "NeedPublished", "NeedAmended", "NeedWithdrawn", "NeedExpired", "NeedMatched", "NeedFulfilled", "NeedReopened",
            // alize.volunteers
            "PartnerEnrolled", "PartnerPledgeSet", "VolunteerRegistered", "VolunteerUpdated", "VolunteerPaused",
            "VolunteerResumed", "VolunteerOffboarded", "VolunteerPersonalDataErased", "SkillTaxonomyPublished",
            // alize.missions
            "MissionProposed", "MissionAccepted", "MissionDeclined", "MissionStarted", "TimeLogged",
            "MissionCompleted", "MissionCancelled");

    private EventTypes() {
    }

    public static boolean isKnown(String type) {
        return KNOWN.contains(type);
    }
}
