package fr.alize.impact.partners;

import fr.alize.impact.eventlog.EventLog;
import fr.alize.impact.figures.Figure;
import fr.alize.impact.figures.FigureStore.Selection;
import fr.alize.impact.figures.Figures;
import fr.alize.impact.report.CsvTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import fr.alize.impact.report.ImpactConfig;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each partner company gave in a year: volunteer hours (logged time dated in the year, corrections applied),
 * skill-days (hours / {@code alize.impact.hours-per-skill-day}), their value at the partner's daily rate of that year,
 * and the share of its pledge they represent.
 */
@ApplicationScoped
public class Contributions {

    @Inject
    EventLog log;
    @Inject
    Figures figures;
    @Inject
    ImpactConfig config;

    public record Contribution(String partnerId, String name, int year, BigDecimal hours, BigDecimal skillDays,
                               BigDecimal dailyRate, BigDecimal value, Integer pledgedDays, BigDecimal pledgeShare) {
    }

    public record Report(int year, Instant asOf, BigDecimal hoursPerSkillDay, List<Contribution> partners) {
    }

    /** The hours come from the read model; pledges and names (a few per partner) from the log. */
    public Report of(int year, Instant asOf) {
        List<String> partners = new ArrayList<>();
        List<String> hours = new ArrayList<>();
        figures.read(Selection.year(Figure.HOURS, year), asOf).forEach((key, m) -> {
            if (!key.key().isEmpty() && m.n() > 0) {
                partners.add(key.key());
                hours.add(m.v1().toPlainString());
            }
        });
        List<Contribution> contributions = log.query(asOf, """
                , hours AS (SELECT * FROM unnest(?::text[], ?::text[]::numeric[]) AS h(partner_id, hours))
                , pledges AS (SELECT DISTINCT ON (data ->> 'partnerId') data ->> 'partnerId' AS partner_id,
                                     (data ->> 'pledgedDays')::int AS pledged_days, (data ->> 'dailyRate')::numeric AS daily_rate
                              FROM events WHERE type = 'PartnerPledgeSet' AND (data ->> 'year')::int = ?
                              ORDER BY data ->> 'partnerId', occurred_at DESC)
                , names AS (SELECT DISTINCT ON (data ->> 'partnerId') data ->> 'partnerId' AS partner_id, data ->> 'name' AS name
                            FROM events WHERE type = 'PartnerEnrolled' ORDER BY data ->> 'partnerId', occurred_at DESC)
                SELECT coalesce(h.partner_id, p.partner_id) AS partner_id, n.name, coalesce(h.hours, 0) AS hours,
                       p.pledged_days, p.daily_rate
                FROM hours h FULL JOIN pledges p ON p.partner_id = h.partner_id
                LEFT JOIN names n ON n.partner_id = coalesce(h.partner_id, p.partner_id)
                ORDER BY n.name NULLS LAST, 1""", List.of(partners.toArray(String[]::new), hours.toArray(String[]::new),
                year), row -> {
            BigDecimal given = row.getBigDecimal("hours");
            BigDecimal rate = row.getBigDecimal("daily_rate");
            Integer pledged = (Integer) row.getObject("pledged_days");
            return contribution(row.getString("partner_id"), row.getString("name"), year, given, rate, pledged);
        });
        return new Report(year, asOf, config.hoursPerSkillDay(), contributions);
    }

    private Contribution contribution(String partnerId, String name, int year, BigDecimal hours, BigDecimal rate,
                                      Integer pledged) {
        BigDecimal days = hours.divide(config.hoursPerSkillDay(), MathContext.DECIMAL64);
        return new Contribution(partnerId, name, year, round(hours, 2), round(days, 2), rate == null ? null : round(rate, 2),
                rate == null ? null : round(days.multiply(rate), 2), pledged,
                pledged == null || pledged == 0 ? null : days.divide(BigDecimal.valueOf(pledged), 3, RoundingMode.HALF_UP));
    }

    /** Hours given per year, all partners together (years with any time entry). */
    public Map<Integer, BigDecimal> hoursByYear(Instant asOf) {
        Map<Integer, BigDecimal> hours = new TreeMap<>();
        figures.read(Selection.allYears(Figure.HOURS).keys("", ""), asOf).forEach((key, m) -> {
            if (m.n() > 0) {
                hours.put(key.year(), m.v1());
            }
        });
        return hours;
    }

    public BigDecimal skillDays(BigDecimal hours) {
        return round(hours.divide(config.hoursPerSkillDay(), MathContext.DECIMAL64), 2);
    }

    static BigDecimal round(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.HALF_UP);
    }

    static CsvTable csv(Report report) {
        CsvTable table = CsvTable.of("year", "partnerId", "partnerName", "hours", "skillDays", "dailyRate", "value",
                "pledgedDays", "pledgeShare");
        report.partners().forEach(c -> table.row(c.year(), c.partnerId(), c.name(), c.hours(), c.skillDays(),
                c.dailyRate(), c.value(), c.pledgedDays(), c.pledgeShare()));
        return table;
    }
}
