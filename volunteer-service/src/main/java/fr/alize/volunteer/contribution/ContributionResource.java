package fr.alize.volunteer.contribution;

import fr.alize.platform.web.Uuids;
import fr.alize.platform.security.Roles;
import fr.alize.platform.jdbc.Jdbc;
import fr.alize.volunteer.VolunteerConfig;
import fr.alize.volunteer.partner.PartnerAccess;
import fr.alize.volunteer.partner.PartnerDirectory;
import fr.alize.volunteer.partner.PartnerDirectory.PledgeView;
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

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

@Path("/partners/{partnerId}/contribution")
@Produces(MediaType.APPLICATION_JSON)
public class ContributionResource {

    @Inject
    PartnerAccess access;
    @Inject
    PartnerDirectory partners;
    @Inject
    Jdbc sql;
    @Inject
    VolunteerConfig config;

    /**
     * @param pledgedDays null when no pledge was set for the year
     * @param valueGiven  days given at the year's daily rate (null without a pledge)
     */
    public record Contribution(String partnerId, int year, Integer pledgedDays, BigDecimal dailyRate,
                               BigDecimal hoursGiven, BigDecimal daysGiven, BigDecimal valueGiven) {
    }

    @GET
    @RolesAllowed({Roles.CCI, Roles.ANALYST, Roles.PARTNER_HR})
    @Operation(summary = "A partner's pledge for a year and what it has given so far",
            description = "Hours logged on missions by the partner's volunteers (a correction replaces the entry it corrects), in days of volunteer.hours-per-day hours, valued at the year's daily rate.")
    public Contribution contribution(@PathParam("partnerId") @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE) String partnerId,
                                     @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year) {
        access.requireReader(partnerId);
        BigDecimal hours = sql.one("""
                SELECT coalesce(sum(e.hours), 0) FROM time_entry e
                WHERE e.partner_id = ? AND e.work_date >= ? AND e.work_date < ?
                  AND NOT EXISTS (SELECT 1 FROM time_entry c WHERE c.corrects_entry_id = e.entry_id)""",
                row -> row.getBigDecimal(1), partnerId, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1)).orElse(BigDecimal.ZERO);
        BigDecimal days = hours.divide(config.hoursPerDay(), 2, RoundingMode.HALF_UP);
        PledgeView pledge = partners.pledge(partnerId, year).orElse(null);
        return new Contribution(partnerId, year, pledge == null ? null : pledge.pledgedDays(),
                pledge == null ? null : pledge.dailyRate(), hours.stripTrailingZeros(), days,
                pledge == null ? null : days.multiply(pledge.dailyRate()).setScale(2, RoundingMode.HALF_UP));
    }
}
