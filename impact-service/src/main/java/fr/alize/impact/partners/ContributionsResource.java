package fr.alize.impact.partners;

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


@Path("/contributions/{year}")
@Produces({MediaType.APPLICATION_JSON, ReportParams.TEXT_CSV})
@RolesAllowed({Roles.CCI, Roles.ANALYST})
public class ContributionsResource {

    @Inject
    Contributions contributions;

    @GET
    @Operation(summary = "Hours, skill-days and their value per partner company in a year, against its pledge")
    public Response year(@PathParam("year") int year, @BeanParam ReportParams params) {
        Contributions.Report report = contributions.of(Years.check("year", year), params.asOf());
        return params.respond("contributions-" + year, report, () -> Contributions.csv(report));
    }
}
