package fr.alize.contracts;

import java.util.List;

import static fr.alize.contracts.EventType.v1;

/** What needs-service publishes on {@code alize.needs} (docs/asyncapi.yaml). */
public final class NeedsTopic {

    public static final String SME_APPLIED = "SmeApplied";
    public static final String SME_APPROVED = "SmeApproved";
    public static final String SME_REJECTED = "SmeRejected";
    public static final String SME_PROFILE_UPDATED = "SmeProfileUpdated";
    public static final String SME_CONTACT_ERASED = "SmeContactErased";
    public static final String HEADCOUNT_DECLARED = "HeadcountDeclared";
    public static final String JOBS_REPORTED = "JobsReported";
    public static final String NEED_PUBLISHED = "NeedPublished";
    public static final String NEED_AMENDED = "NeedAmended";
    public static final String NEED_WITHDRAWN = "NeedWithdrawn";
    public static final String NEED_EXPIRED = "NeedExpired";
    public static final String NEED_MATCHED = "NeedMatched";
    public static final String NEED_FULFILLED = "NeedFulfilled";
    public static final String NEED_REOPENED = "NeedReopened";

    public static final Topic TOPIC = new Topic("alize.needs", "needs-service", List.of(
            v1(SME_APPLIED),
            v1(SME_APPROVED),
            v1(SME_REJECTED),
            v1(SME_PROFILE_UPDATED),
            v1(SME_CONTACT_ERASED),
            v1(HEADCOUNT_DECLARED),
            v1(JOBS_REPORTED),
            v1(NEED_PUBLISHED),
            v1(NEED_AMENDED),
            v1(NEED_WITHDRAWN),
            v1(NEED_EXPIRED),
            v1(NEED_MATCHED),
            v1(NEED_FULFILLED),
            v1(NEED_REOPENED)));

    private NeedsTopic() {
    }
}
