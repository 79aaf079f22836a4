package fr.alize.volunteer.contribution;

import fr.alize.platform.jdbc.Jdbc;
import fr.alize.volunteer.VolunteerConfig;
import fr.alize.volunteer.partner.ManagingPartners;
import fr.alize.volunteer.partner.PartnerDirectory;
import fr.alize.volunteer.partner.PartnerDirectory.PledgeView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * What a partner has given in a year against its pledge, for those who may read its figures (the CCI, an analyst,
 * the partner's own HR: {@link ManagingPartners#requireReader}).
 */
@ApplicationScoped
public class ContributionReports {

    @Inject
    ManagingPartners access;
    @Inject
    PartnerDirectory partners;
    @Inject
    Jdbc sql;
    @Inject
    VolunteerConfig config;

    public record Contribution(String partnerId, int year, Integer pledgedDays, BigDecimal dailyRate,
                               BigDecimal hoursGiven, BigDecimal daysGiven, BigDecimal valueGiven) {
    }

    public Contribution of(String partnerId, int year) {
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
