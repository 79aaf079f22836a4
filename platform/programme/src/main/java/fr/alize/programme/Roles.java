package fr.alize.programme;

/** The roles a token carries in its {@code groups} claim. What each may do is in docs/security.md. */
public final class Roles {
    public static final String CCI = "cci";
    public static final String SME = "sme";
    public static final String PARTNER_HR = "partner-hr";
    public static final String VOLUNTEER = "volunteer";
    public static final String ANALYST = "analyst";

    /** Claims that bind a token to one tenant ({@link Tenant}). */
    public static final String SME_CLAIM = "smeId";
    public static final String PARTNER_CLAIM = "partnerId";
    public static final String VOLUNTEER_CLAIM = "volunteerId";

    private Roles() {
    }
}
