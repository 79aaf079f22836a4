package fr.alize.volunteer.partner;

import fr.alize.platform.errors.AccessDeniedException;
import fr.alize.platform.errors.NotFoundException;
import fr.alize.platform.security.Caller;
import fr.alize.platform.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Who may act on a partner company: the CCI on every one, a {@code partner-hr} caller on its own only (403 for any
 * other, existing or not), an analyst may read. A partner that does not exist is a 404 for those who may see it.
 */
@RequestScoped
public class PartnerAccess {

    @Inject
    Caller caller;
    @Inject
    PartnerDirectory partners;

    /** For changes: the CCI or the partner's own HR. */
    public void requireManager(String partnerId) {
        caller.requirePartner(partnerId);
        requireExists(partnerId);
    }

    /** For reads of figures: also an analyst. */
    public void requireReader(String partnerId) {
        if (!caller.is(Roles.ANALYST)) {
            caller.requirePartner(partnerId);
        }
        requireExists(partnerId);
    }

    /** The partner the caller acts for, or null for the CCI (which acts for every partner). */
    public String actingPartner() {
        return caller.is(Roles.CCI) ? null : caller.partnerId().orElseThrow(AccessDeniedException::new);
    }

    private void requireExists(String partnerId) {
        if (!partners.exists(partnerId)) {
            throw new NotFoundException("No partner company " + partnerId + ".");
        }
    }
}
