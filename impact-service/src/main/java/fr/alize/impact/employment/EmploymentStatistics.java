package fr.alize.impact.employment;

import fr.alize.impact.eventlog.EventLog;
import fr.alize.impact.eventlog.EventViews;
import fr.alize.impact.report.CsvTable;
import fr.alize.platform.reference.Communes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Jobs created and preserved in a year (by the date of each job report), in total and per NAF section, commune, EPCI
 * (the commune's intercommunality, from the platform's commune reference) and contract type; and the headcount change of the SMEs that declared one, against their enrolment headcount.
 * A report sent again with the same {@code reportId} counts once, with its latest values.
 */
@ApplicationScoped
public class EmploymentStatistics {

    @Inject
    EventLog log;
    @Inject
    SmeProfiles profiles;

    public record Jobs(String key, long jobsCreated, long jobsPreserved) {
        Jobs plus(String kind, long count) {
            return "CREATED".equals(kind) ? new Jobs(key, jobsCreated + count, jobsPreserved)
                    : new Jobs(key, jobsCreated, jobsPreserved + count);
        }
    }

    public record Headcount(int smes, long baseline, long declared, long change) {
    }

    public record Report(int year, Instant asOf, long jobsCreated, long jobsPreserved, List<Jobs> byNafSection,
                         List<Jobs> byCommune, List<Jobs> byEpci, List<Jobs> byContractType, Headcount headcount) {
    }

    private final Communes communes = Communes.hautsDeFrance();

    private record JobReport(String smeId, String kind, String contractType, long count) {
    }

    public Report of(int year, Instant asOf) {
        Map<String, SmeProfiles.Profile> smes = profiles.asOf(asOf);
        List<JobReport> reports = log.query(asOf, EventViews.JOB_REPORTS + """
                SELECT sme_id, kind, contract_type, jobs FROM job_reports WHERE extract(year FROM report_date) = ?""",
                List.of(year),
                row -> new JobReport(row.getString("sme_id"), row.getString("kind"), row.getString("contract_type"), row.getLong("jobs")));
        SmeProfiles.Profile unknown = new SmeProfiles.Profile(null, null, NafSections.UNKNOWN, null);
        Function<JobReport, SmeProfiles.Profile> profile = r -> smes.getOrDefault(r.smeId(), unknown);
        Jobs total = group(reports, r -> "total").values().stream().findFirst().orElse(new Jobs("total", 0, 0));
        return new Report(year, asOf, total.jobsCreated(), total.jobsPreserved(),
                List.copyOf(group(reports, r -> profile.apply(r).nafSection()).values()),
                List.copyOf(group(reports, r -> profile.apply(r).communeCode()).values()),
                List.copyOf(group(reports, r -> communes.epciOf(profile.apply(r).communeCode())).values()),
                List.copyOf(group(reports, JobReport::contractType).values()),
                headcount(year, asOf, smes));
    }

    private static Map<String, Jobs> group(List<JobReport> reports, Function<JobReport, String> key) {
        Map<String, Jobs> groups = new TreeMap<>();
        for (JobReport report : reports) {
            String k = key.apply(report) == null ? NafSections.UNKNOWN : key.apply(report);
            groups.put(k, groups.getOrDefault(k, new Jobs(k, 0, 0)).plus(report.kind(), report.count()));
        }
        return groups;
    }

    /** For each SME with a baseline and a declaration dated in or before the year: its latest declared headcount. */
    private Headcount headcount(int year, Instant asOf, Map<String, SmeProfiles.Profile> smes) {
        List<long[]> pairs = log.query(asOf, """
                SELECT DISTINCT ON (data ->> 'smeId') data ->> 'smeId' AS sme, (data ->> 'headcount')::bigint AS headcount
                FROM events WHERE type = 'HeadcountDeclared' AND extract(year FROM (data ->> 'date')::date) <= ?
                ORDER BY data ->> 'smeId', (data ->> 'date')::date DESC, occurred_at DESC""", List.of(year), row -> {
            SmeProfiles.Profile sme = smes.get(row.getString("sme"));
            return sme == null || sme.baselineHeadcount() == null ? null
                    : new long[]{sme.baselineHeadcount(), row.getLong("headcount")};
        });
        long baseline = 0;
        long declared = 0;
        int count = 0;
        for (long[] pair : pairs) {
            if (pair != null) {
                baseline += pair[0];
                declared += pair[1];
                count++;
            }
        }
        return new Headcount(count, baseline, declared, declared - baseline);
    }

    static CsvTable csv(Report report) {
        CsvTable table = CsvTable.of("year", "dimension", "key", "jobsCreated", "jobsPreserved",
                "headcountSmes", "headcountBaseline", "headcountDeclared", "headcountChange");
        Headcount h = report.headcount();
        table.row(report.year(), "total", "", report.jobsCreated(), report.jobsPreserved(), h.smes(), h.baseline(),
                h.declared(), h.change());
        rows(table, report.year(), "nafSection", report.byNafSection());
        rows(table, report.year(), "commune", report.byCommune());
        rows(table, report.year(), "epci", report.byEpci());
        rows(table, report.year(), "contractType", report.byContractType());
        return table;
    }

    private static void rows(CsvTable table, int year, String dimension, List<Jobs> jobs) {
        jobs.forEach(j -> table.row(year, dimension, j.key(), j.jobsCreated(), j.jobsPreserved(), null, null, null, null));
    }
}
