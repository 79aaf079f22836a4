package fr.alize.impact.programme;

import fr.alize.impact.report.Period;
import fr.alize.impact.report.ReportParams;
import fr.alize.programme.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;
import java.util.List;

@Path("/")
@Produces({MediaType.APPLICATION_JSON, ReportParams.TEXT_CSV})
@RolesAllowed({Roles.CCI, Roles.ANALYST})
public class ProgrammeResource {

    @Inject
    ProgrammeFigures figures;

    public record YearlyFigures(Instant asOf, List<ProgrammeFigures.Yearly> years) {
    }

    @GET
    @Path("yearly")
    @Operation(summary = "Per year: target, SMEs supported, jobs created and preserved, hours and skill-days")
    public Response yearly(@BeanParam ReportParams params) {
        Instant asOf = params.asOf();
        List<ProgrammeFigures.Yearly> years = figures.yearly(asOf);
        return params.respond("yearly", new YearlyFigures(asOf, years), () -> ProgrammeFigures.csv(years));
    }

    @GET
    @Path("totals")
    @Operation(summary = "Companies supported and jobs created over a period (from and to included)")
    public Response totals(@QueryParam("from") String from, @QueryParam("to") String to, @BeanParam ReportParams params) {
        Period period = Period.of(from, to);
        ProgrammeFigures.Totals totals = figures.totals(period.from(), period.to(), params.asOf());
        return params.respond("totals", totals, () -> ProgrammeFigures.csv(totals));
    }
}
