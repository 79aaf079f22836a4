package fr.alize.volunteer.contribution;

import fr.alize.platform.web.Uuids;
import fr.alize.programme.Roles;
import fr.alize.volunteer.contribution.ContributionReports.Contribution;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;


/** A partner's contribution over HTTP ({@link ContributionReports}). */
@Path("/partners/{partnerId}/contribution")
@Produces(MediaType.APPLICATION_JSON)
public class ContributionResource {

    @Inject
    ContributionReports reports;

    @GET
    @RolesAllowed({Roles.CCI, Roles.ANALYST, Roles.PARTNER_HR})
    @Operation(summary = "A partner's pledge for a year and what it has given so far",
            description = "Hours logged on missions by the partner's volunteers (a correction replaces the entry it corrects), in days of volunteer.hours-per-day hours, valued at the year's daily rate.")
    public Contribution contribution(@PathParam("partnerId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String partnerId,
                                     @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year) {
        return reports.of(partnerId, year);
    }
}
