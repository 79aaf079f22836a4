package fr.alize.impact.targets;

import fr.alize.impact.report.ReportParams;
import fr.alize.impact.report.Years;
import fr.alize.platform.security.Caller;
import fr.alize.programme.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;


@Path("/targets/{year}")
public class TargetsResource {

    @Inject
    Targets targets;
    @Inject
    Caller caller;

    public record SetTarget(@NotNull @Min(0) @Max(10_000) Integer target) {
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CCI)
    @Operation(summary = "Set the number of SMEs to support in a year (15 when never set)")
    public Targets.Target set(@PathParam("year") int year, @Valid @NotNull SetTarget body) {
        return targets.set(Years.check("year", year), body.target(), caller.id());
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, ReportParams.TEXT_CSV})
    @RolesAllowed({Roles.CCI, Roles.ANALYST})
    @Operation(summary = "SMEs supported in the year against its target: cumulative month by month, forecast to year end")
    public Response progress(@PathParam("year") int year, @BeanParam ReportParams params) {
        Targets.Progress progress = targets.progress(Years.check("year", year), params.asOf());
        return params.respond("targets-" + year, progress, () -> Targets.csv(progress));
    }
}
