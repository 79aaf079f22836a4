package fr.alize.matching.pool;

import fr.alize.programme.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Operations on the candidate pool, for the CCI. */
@Path("/admin/pool")
@Produces(MediaType.APPLICATION_JSON)
public class PoolAdminResource {

    @Inject
    PoolRebuild rebuild;

    @POST
    @Path("rebuild")
    @RolesAllowed(Roles.CCI)
    @Operation(summary = "Rebuild the candidate pool from offset 0",
            description = "Empties the pool and replays the needs, volunteers and missions topics from their beginning. "
                    + "Answers 202 at once with what was emptied; rankings see a partial pool until the replay catches up.")
    public Response rebuild() {
        return Response.accepted(rebuild.rebuild()).build();
    }
}
