package fr.alize.volunteer.partner;

import fr.alize.domain.RuleViolation;
import fr.alize.platform.axon.Commands;
import fr.alize.platform.errors.NotFoundException;
import fr.alize.platform.security.Caller;
import fr.alize.programme.Roles;
import fr.alize.programme.Tenant;
import fr.alize.programme.TenantGuard;
import fr.alize.volunteer.partner.PartnerCommands.EnrolPartner;
import fr.alize.volunteer.partner.PartnerCommands.Pledge;
import fr.alize.volunteer.partner.PartnerCommands.SetPledge;
import fr.alize.volunteer.partner.PartnerDirectory.PartnerView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

/**
 * Partner companies, on behalf of the caller: the CCI enrols them and sets their pledges; the CCI and the
 * company's own HR manage it ({@link #manage}); an analyst also reads its figures. Anyone else gets 403, whether the
 * company exists or not ({@link TenantGuard}); a company that does not exist is a 404 for those who may see it.
 */
@ApplicationScoped
public class ManagingPartners {

    /** A partner company the caller was found to manage: what the operations on its volunteers take. */
    public static final class ManagedPartner {
        private final String partnerId;

        private ManagedPartner(String partnerId) {
            this.partnerId = partnerId;
        }

        public String partnerId() {
            return partnerId;
        }
    }

    @Inject
    Commands commands;
    @Inject
    TenantGuard tenants;
    @Inject
    Caller caller;
    @Inject
    PartnerDirectory partners;

    /** Enrols a company (409 when its name and site already are); its new id. */
    public String enrol(String name, String group, String site, String communeCode, Pledge firstPledge) {
        String strippedName = name.strip();
        String strippedSite = site.strip();
        if (partners.nameAndSiteTaken(strippedName, strippedSite)) {
            throw new RuleViolation("A partner company with this name and site is already enrolled.");
        }
        String partnerId = UUID.randomUUID().toString();
        String strippedGroup = group == null || group.isBlank() ? null : group.strip();
        commands.send(new EnrolPartner(partnerId, strippedName, strippedGroup, strippedSite, communeCode, firstPledge));
        return partnerId;
    }

    public List<PartnerView> all() {
        return partners.all();
    }

    public PartnerView one(String partnerId) {
        requireReader(partnerId);
        return partners.find(partnerId).orElseThrow(() -> noSuchPartner(partnerId));
    }

    public void setPledge(String partnerId, Pledge pledge) {
        manage(partnerId);
        commands.send(new SetPledge(partnerId, pledge));
    }

    /** For changes: the CCI or the partner's own HR (403 for anyone else), on a company that exists (404). */
    public ManagedPartner manage(String partnerId) {
        tenants.require(Tenant.PARTNER, partnerId);
        requireExists(partnerId);
        return new ManagedPartner(partnerId);
    }

    /** For reads of figures: also an analyst. */
    public void requireReader(String partnerId) {
        if (!caller.is(Roles.ANALYST)) {
            tenants.require(Tenant.PARTNER, partnerId);
        }
        requireExists(partnerId);
    }

    private void requireExists(String partnerId) {
        if (!partners.exists(partnerId)) {
            throw noSuchPartner(partnerId);
        }
    }

    private static NotFoundException noSuchPartner(String partnerId) {
        return new NotFoundException("No partner company " + partnerId + ".");
    }
}
