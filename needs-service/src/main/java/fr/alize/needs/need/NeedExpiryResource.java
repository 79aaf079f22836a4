package fr.alize.needs.need;

import fr.alize.needs.need.NeedExpiry.ExpiryRun;
import fr.alize.programme.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The expiry job over HTTP, for the CCI ({@link NeedExpiry}). */
@Path("/needs/expiry")
public class NeedExpiryResource {

    @Inject
    NeedExpiry expiry;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CCI)
    @Operation(summary = "Expire ended needs now", description = "What the hourly job does: every open need whose window ended before today expires.")
    public ExpiryRun runNow() {
        return expiry.expireEndedNeeds();
    }
}
