package fr.alize.impact.eventlog;

import fr.alize.programme.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventLogResource {

    @Inject
    EventLog log;
    @Inject
    Rebuild rebuild;

    @GET
    @Path("status")
    @RolesAllowed({Roles.CCI, Roles.ANALYST})
    @Operation(summary = "Events in the log, its generation, and the records of unknown types skipped so far")
    public EventLog.Status status() {
        return log.status();
    }

    @POST
    @Path("rebuild")
    @RolesAllowed(Roles.CCI)
    @Operation(summary = "Rebuild every projection from offset zero of the topics, without stopping the reports",
            description = "Answers 202 at once; GET /events/rebuild shows the progress. 409 while one is running.")
    public Response startRebuild() {
        return Response.accepted(rebuild.start()).build();
    }

    @GET
    @Path("rebuild")
    @RolesAllowed(Roles.CCI)
    @Operation(summary = "Progress of the last rebuild")
    public RebuildStatus rebuildStatus() {
        return rebuild.status();
    }
}
