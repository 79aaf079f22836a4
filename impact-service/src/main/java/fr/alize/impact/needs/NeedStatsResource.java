package fr.alize.impact.needs;

import fr.alize.impact.eventlog.EventLog;
import fr.alize.programme.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

@Path("/stats/needs")
@Produces(MediaType.APPLICATION_JSON)
public class NeedStatsResource {

    @Inject
    EventLog log;

    public record NeedStats(long publishedNeeds) {
    }

    @GET
    @RolesAllowed({Roles.CCI, Roles.ANALYST})
    @Operation(summary = "Needs published so far", description = "Counted from the needs topic, each need once.")
    public NeedStats stats() {
        return log.query(null, """
                SELECT count(DISTINCT coalesce(data ->> 'needId', subject)) FROM events WHERE type = 'NeedPublished'""",
                List.of(), row -> new NeedStats(row.getLong(1))).get(0);
    }
}
