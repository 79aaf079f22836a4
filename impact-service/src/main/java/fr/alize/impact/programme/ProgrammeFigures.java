package fr.alize.impact.programme;

import fr.alize.impact.eventlog.EventLog;
import fr.alize.impact.eventlog.EventViews;
import fr.alize.impact.partners.Contributions;
import fr.alize.impact.report.CsvTable;
import fr.alize.impact.targets.Targets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The programme's headline figures: per year, and over any period. */
@ApplicationScoped
public class ProgrammeFigures {

    @Inject
    EventLog log;
    @Inject
    Targets targets;
    @Inject
    Contributions contributions;

    public record Yearly(int year, int target, long supportedSmes, long jobsCreated, long jobsPreserved,
                         BigDecimal hours, BigDecimal skillDays) {
    }

    public record Totals(LocalDate from, LocalDate to, Instant asOf, long companiesSupported, long missionsStarted,
                         long jobsCreated, long jobsPreserved) {
    }

    /** One line per year that has any figure or a target set. */
    public List<Yearly> yearly(Instant asOf) {
        Map<Integer, Long> supported = targets.supportedSmesByYear(asOf);
        Map<Integer, Integer> setTargets = targets.setTargets(asOf);
        Map<Integer, BigDecimal> hours = contributions.hoursByYear(asOf);
        Map<Integer, long[]> jobs = new TreeMap<>();
        log.query(asOf, EventViews.JOB_REPORTS + """
                SELECT extract(year FROM report_date)::int AS year,
                       sum(jobs) FILTER (WHERE kind = 'CREATED') AS created, sum(jobs) FILTER (WHERE kind = 'PRESERVED') AS preserved
                FROM job_reports GROUP BY 1""", List.of(),
                row -> jobs.put(row.getInt("year"), new long[]{row.getLong("created"), row.getLong("preserved")}));
        TreeSet<Integer> years = new TreeSet<>(supported.keySet());
        years.addAll(setTargets.keySet());
        years.addAll(hours.keySet());
        years.addAll(jobs.keySet());
        List<Yearly> result = new ArrayList<>();
        for (int year : years) {
            BigDecimal h = hours.getOrDefault(year, BigDecimal.ZERO).setScale(2, java.math.RoundingMode.HALF_UP);
            long[] j = jobs.getOrDefault(year, new long[2]);
            result.add(new Yearly(year, setTargets.getOrDefault(year, targets.defaultTarget()),
                    supported.getOrDefault(year, 0L), j[0], j[1], h, contributions.skillDays(h)));
        }
        return result;
    }

    /** Companies supported (a mission started in the period) and jobs reported (dated in the period), bounds included. */
    public Totals totals(LocalDate from, LocalDate to, Instant asOf) {
        long[] missions = log.query(asOf, EventViews.MISSION_STARTS + """
                SELECT count(DISTINCT sme_id) AS smes, count(*) AS missions FROM mission_starts
                WHERE start_date BETWEEN ? AND ?""", List.of(from, to),
                row -> new long[]{row.getLong("smes"), row.getLong("missions")}).get(0);
        long[] jobs = log.query(asOf, EventViews.JOB_REPORTS + """
                SELECT coalesce(sum(jobs) FILTER (WHERE kind = 'CREATED'), 0) AS created,
                       coalesce(sum(jobs) FILTER (WHERE kind = 'PRESERVED'), 0) AS preserved
                FROM job_reports WHERE report_date BETWEEN ? AND ?""", List.of(from, to),
                row -> new long[]{row.getLong("created"), row.getLong("preserved")}).get(0);
        return new Totals(from, to, asOf, missions[0], missions[1], jobs[0], jobs[1]);
    }

    static CsvTable csv(List<Yearly> years) {
        CsvTable table = CsvTable.of("year", "target", "supportedSmes", "jobsCreated", "jobsPreserved", "hours", "skillDays");
        years.forEach(y -> table.row(y.year(), y.target(), y.supportedSmes(), y.jobsCreated(), y.jobsPreserved(),
                y.hours(), y.skillDays()));
        return table;
    }

    static CsvTable csv(Totals totals) {
        return CsvTable.of("from", "to", "companiesSupported", "missionsStarted", "jobsCreated", "jobsPreserved")
                .row(totals.from(), totals.to(), totals.companiesSupported(), totals.missionsStarted(),
                        totals.jobsCreated(), totals.jobsPreserved());
    }
}
