package fr.alize.infra;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles of the Alize API as JWT {@code groups}, with the claim naming the caller's tenant where
 * the role is bound to one (an SME, a partner company, a volunteer).
 */
public enum AlizeRole {
    CCI("cci", null),
    ANALYST("analyst", null),
    SME("sme", "smeId"),
    PARTNER_HR("partner-hr", "partnerId"),
    VOLUNTEER("volunteer", "volunteerId");

    /** Issuer and audience of every Alize token. */
    public static final String ISSUER = "alize";
    public static final String AUDIENCE = "alize";

    private final String group;
    private final String tenantClaim;

    AlizeRole(String group, String tenantClaim) {
        this.group = group;
        this.tenantClaim = tenantClaim;
    }

    /** The value in the token's {@code groups} claim. */
    public String group() {
        return group;
    }

    /** The claim holding the tenant id ({@code smeId}, {@code partnerId}, {@code volunteerId}), if any. */
    public Optional<String> tenantClaim() {
        return Optional.ofNullable(tenantClaim);
    }

    public static AlizeRole fromGroup(String group) {
        return Arrays.stream(values()).filter(r -> r.group.equals(group)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role '" + group + "'; one of cci, analyst, sme, partner-hr, volunteer"));
    }
}
