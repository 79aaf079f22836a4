package fr.alize.impact.history;

import fr.alize.impact.report.ReportParams;
import fr.alize.platform.errors.NotFoundException;
import fr.alize.programme.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;
import java.util.List;

@Path("/")
@Produces({MediaType.APPLICATION_JSON, ReportParams.TEXT_CSV})
@RolesAllowed({Roles.CCI, Roles.ANALYST})
public class HistoryResource {

    @Inject
    Timelines timelines;

    public record MissionHistory(String missionId, String needId, String smeId, Instant asOf, List<Timelines.Entry> events) {
    }

    public record SmeTimeline(String smeId, Instant asOf, List<Timelines.Entry> events) {
    }

    @GET
    @Path("missions/{missionId}/history")
    @Operation(summary = "Every event of a mission, in order: what, who (role and pseudonymous id), when, need and SME")
    public Response mission(@PathParam("missionId") String missionId, @BeanParam ReportParams params) {
        Instant asOf = params.asOf();
        List<Timelines.Entry> events = found(timelines.ofMission(missionId, asOf), "mission " + missionId, asOf);
        Timelines.Entry first = events.get(0);
        return params.respond("mission-" + missionId,
                new MissionHistory(missionId, first.needId(), first.smeId(), asOf, events), () -> Timelines.csv(events));
    }

    @GET
    @Path("smes/{smeId}/timeline")
    @Operation(summary = "Everything about an SME, in order: application, decision, needs, missions, headcount, job reports")
    public Response sme(@PathParam("smeId") String smeId, @BeanParam ReportParams params) {
        Instant asOf = params.asOf();
        List<Timelines.Entry> events = found(timelines.ofSme(smeId, asOf), "SME " + smeId, asOf);
        return params.respond("sme-" + smeId, new SmeTimeline(smeId, asOf, events), () -> Timelines.csv(events));
    }

    private static List<Timelines.Entry> found(List<Timelines.Entry> events, String what, Instant asOf) {
        if (events.isEmpty()) {
            throw new NotFoundException("no event of " + what + " recorded " + (asOf == null ? "so far" : "by " + asOf));
        }
        return events;
    }
}
