package fr.alize.contracts;

import java.util.List;

import static fr.alize.contracts.EventType.v1;

/** What volunteer-service publishes on {@code alize.volunteers} (docs/asyncapi.yaml). */
public final class VolunteersTopic {

    public static final String PARTNER_ENROLLED = "PartnerEnrolled";
    public static final String PARTNER_PLEDGE_SET = "PartnerPledgeSet";
    public static final String VOLUNTEER_REGISTERED = "VolunteerRegistered";
    public static final String VOLUNTEER_UPDATED = "VolunteerUpdated";
    public static final String VOLUNTEER_PAUSED = "VolunteerPaused";
    public static final String VOLUNTEER_RESUMED = "VolunteerResumed";
    public static final String VOLUNTEER_OFFBOARDED = "VolunteerOffboarded";
    public static final String VOLUNTEER_PERSONAL_DATA_ERASED = "VolunteerPersonalDataErased";
    public static final String SKILL_TAXONOMY_PUBLISHED = "SkillTaxonomyPublished";

    public static final Topic TOPIC = new Topic("alize.volunteers", "volunteer-service", List.of(
            v1(PARTNER_ENROLLED),
            v1(PARTNER_PLEDGE_SET),
            v1(VOLUNTEER_REGISTERED),
            v1(VOLUNTEER_UPDATED),
            v1(VOLUNTEER_PAUSED),
            v1(VOLUNTEER_RESUMED),
            v1(VOLUNTEER_OFFBOARDED),
            v1(VOLUNTEER_PERSONAL_DATA_ERASED),
            v1(SKILL_TAXONOMY_PUBLISHED)));

    private VolunteersTopic() {
    }
}
