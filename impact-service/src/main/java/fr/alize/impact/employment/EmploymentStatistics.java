package fr.alize.impact.employment;

import fr.alize.impact.figures.Figure;
import fr.alize.impact.figures.FigureStore.Selection;
import fr.alize.impact.figures.Figures;
import fr.alize.impact.figures.Measures;
import fr.alize.impact.report.CsvTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Jobs created and preserved in a year (by the date of each job report), in total and per NAF section, commune, EPCI
 * (the commune's intercommunality, from the platform's commune reference) and contract type; and the headcount change of the SMEs that declared one, against their enrolment headcount.
 * A report sent again with the same {@code reportId} counts once, with its latest values.
 */
@ApplicationScoped
public class EmploymentStatistics {

    @Inject
    Figures figures;

    public record Jobs(String key, long jobsCreated, long jobsPreserved) {
    }

    public record Headcount(int smes, long baseline, long declared, long change) {
    }

    public record Report(int year, Instant asOf, long jobsCreated, long jobsPreserved, List<Jobs> byNafSection,
                         List<Jobs> byCommune, List<Jobs> byEpci, List<Jobs> byContractType, Headcount headcount) {
    }

    /** The jobs of the year by each breakdown, and the headcount figures of the year, from the read model. */
    public Report of(int year, Instant asOf) {
        Map<String, Map<String, Jobs>> byDimension = new HashMap<>();
        figures.read(Selection.year(Figure.JOBS, year), asOf).forEach((key, m) -> {
            if (m.n() > 0) {
                int colon = key.key().indexOf(':');
                String dimension = colon < 0 ? key.key() : key.key().substring(0, colon);
                String value = colon < 0 ? key.key() : key.key().substring(colon + 1);
                byDimension.computeIfAbsent(dimension, d -> new TreeMap<>())
                        .put(value, new Jobs(value, m.v1().longValueExact(), m.v2().longValueExact()));
            }
        });
        Jobs total = byDimension.getOrDefault("total", Map.of()).values().stream().findFirst().orElse(new Jobs("total", 0, 0));
        Measures headcount = figures.read(new Selection(Figure.HEADCOUNT, Integer.MIN_VALUE, year, null, null), asOf)
                .values().stream().reduce(Measures.ZERO, Measures::plus);
        long baseline = headcount.v1().longValueExact();
        long declared = headcount.v2().longValueExact();
        return new Report(year, asOf, total.jobsCreated(), total.jobsPreserved(), jobs(byDimension, "naf"),
                jobs(byDimension, "commune"), jobs(byDimension, "epci"), jobs(byDimension, "contract"),
                new Headcount((int) headcount.n(), baseline, declared, declared - baseline));
    }

    private static List<Jobs> jobs(Map<String, Map<String, Jobs>> byDimension, String dimension) {
        return List.copyOf(byDimension.getOrDefault(dimension, Map.of()).values());
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
