package fr.alize.impact.employment;

import fr.alize.impact.report.ReportParams;
import fr.alize.impact.report.Years;
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


@Path("/employment")
@Produces({MediaType.APPLICATION_JSON, ReportParams.TEXT_CSV})
@RolesAllowed({Roles.CCI, Roles.ANALYST})
public class EmploymentResource {

    @Inject
    EmploymentStatistics statistics;

    @GET
    @Path("{year}")
    @Operation(summary = "Jobs created and preserved in a year, per NAF section, commune, EPCI and contract type; headcount change")
    public Response year(@PathParam("year") int year, @BeanParam ReportParams params) {
        EmploymentStatistics.Report report = statistics.of(Years.check("year", year), params.asOf());
        return params.respond("employment-" + year, report, () -> EmploymentStatistics.csv(report));
    }
}
