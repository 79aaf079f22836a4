package fr.alize.volunteer.volunteer;

import fr.alize.domain.NotPermitted;
import fr.alize.platform.axon.Commands;
import fr.alize.platform.errors.NotFoundException;
import fr.alize.platform.web.Page;
import fr.alize.programme.Tenant;
import fr.alize.programme.TenantGuard;
import fr.alize.volunteer.partner.ManagingPartners;
import fr.alize.volunteer.partner.ManagingPartners.ManagedPartner;
import fr.alize.volunteer.volunteer.VolunteerCommands.OffboardVolunteer;
import fr.alize.volunteer.volunteer.VolunteerCommands.PauseVolunteer;
import fr.alize.volunteer.volunteer.VolunteerCommands.ResumeVolunteer;
import fr.alize.volunteer.volunteer.VolunteerDirectory.Filter;
import fr.alize.volunteer.volunteer.VolunteerUpserts.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/**
 * Volunteers, on behalf of the caller. A partner's volunteers are registered, listed and uploaded in bulk by whoever
 * manages that partner ({@link ManagingPartners#manage}). One volunteer is acted on by the CCI (404 when it does not
 * exist), the HR of its own partner, and, where allowed, the volunteer themself; anyone else gets 403, whether the
 * volunteer exists or not ({@link TenantGuard}). The commands carry the partner the caller acts for (null for the
 * CCI), which the aggregate checks again.
 */
@ApplicationScoped
public class ManagingVolunteers {

    @Inject
    Commands commands;
    @Inject
    TenantGuard tenants;
    @Inject
    VolunteerDirectory directory;
    @Inject
    VolunteerUpserts upserts;

    /** Registers one volunteer of a managed partner; its id. */
    public String register(ManagedPartner partner, VolunteerData data) {
        return upserts.register(partner.partnerId(), data);
    }

    public Page<VolunteerView> list(ManagedPartner partner, Filter filter, int page, int size) {
        return directory.list(partner.partnerId(), filter, page, size);
    }

    public List<RowResult> upsert(ManagedPartner partner, List<Row<VolunteerData>> rows) {
        return upserts.upsert(partner.partnerId(), rows);
    }

    public List<RowResult> offboard(ManagedPartner partner, List<Row<OffboardReason>> rows) {
        return upserts.offboard(partner.partnerId(), rows);
    }

    public VolunteerView one(String volunteerId) {
        actingPartner(volunteerId, true);
        return directory.find(volunteerId).orElseThrow();
    }

    public void update(String volunteerId, VolunteerData data) {
        upserts.update(volunteerId, actingPartner(volunteerId, false), data);
    }

    public void pause(String volunteerId) {
        commands.send(new PauseVolunteer(volunteerId, actingPartner(volunteerId, true)));
    }

    public void resume(String volunteerId) {
        commands.send(new ResumeVolunteer(volunteerId, actingPartner(volunteerId, true)));
    }

    public void offboard(String volunteerId, OffboardReason reason) {
        commands.send(new OffboardVolunteer(volunteerId, actingPartner(volunteerId, false), reason));
    }

    public void erase(String volunteerId) {
        upserts.erase(volunteerId, actingPartner(volunteerId, false));
    }

    /** The partner the caller acts for on this volunteer (null for the CCI), to pass in commands. */
    private String actingPartner(String volunteerId, boolean selfAllowed) {
        Optional<String> partner = directory.partnerOf(volunteerId);
        if (tenants.actsOnAll()) {
            if (partner.isEmpty()) {
                throw new NotFoundException("No volunteer " + volunteerId + ".");
            }
            return null;
        }
        if (partner.isPresent() && tenants.owns(Tenant.PARTNER, partner.get())) {
            return partner.get();
        }
        if (selfAllowed && partner.isPresent() && tenants.owns(Tenant.VOLUNTEER, volunteerId)) {
            return partner.get();
        }
        throw new NotPermitted();
    }
}
