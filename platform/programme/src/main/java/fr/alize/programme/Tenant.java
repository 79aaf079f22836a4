package fr.alize.programme;

/**
 * The kinds of tenant a caller can be bound to: the role that makes a caller one, and the token claim that names
 * which one it is.
 */
public enum Tenant {
    SME(Roles.SME, Roles.SME_CLAIM),
    PARTNER(Roles.PARTNER_HR, Roles.PARTNER_CLAIM),
    VOLUNTEER(Roles.VOLUNTEER, Roles.VOLUNTEER_CLAIM);

    private final String role;
    private final String claim;

    Tenant(String role, String claim) {
        this.role = role;
        this.claim = claim;
    }

    public String role() {
        return role;
    }

    public String claim() {
        return claim;
    }
}
