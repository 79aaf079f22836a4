package fr.alize.volunteer.volunteer;

import fr.alize.platform.errors.AccessDeniedException;
import fr.alize.platform.errors.NotFoundException;
import fr.alize.platform.security.Caller;
import fr.alize.platform.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * Who may act on one volunteer: the CCI (404 when it does not exist), the HR of the volunteer's own partner, and,
 * where allowed, the volunteer themself. Anyone else gets 403, whether the volunteer exists or not.
 */
@RequestScoped
public class VolunteerAccess {

    @Inject
    Caller caller;
    @Inject
    VolunteerDirectory directory;

    /**
     * @return the partner the caller acts for (null for the CCI), to pass in commands
     */
    public String require(String volunteerId, boolean selfAllowed) {
        Optional<String> partner = directory.partnerOf(volunteerId);
        if (caller.is(Roles.CCI)) {
            if (partner.isEmpty()) {
                throw new NotFoundException("No volunteer " + volunteerId + ".");
            }
            return null;
        }
        if (caller.is(Roles.PARTNER_HR) && partner.isPresent() && partner.equals(caller.partnerId())) {
            return partner.get();
        }
        if (selfAllowed && caller.is(Roles.VOLUNTEER) && partner.isPresent()
                && caller.volunteerId().filter(volunteerId::equalsIgnoreCase).isPresent()) {
            return partner.get();
        }
        throw new AccessDeniedException();
    }
}
