package fr.alize.impact.programme;

import fr.alize.impact.figures.Figure;
import fr.alize.impact.figures.FigureStore.Selection;
import fr.alize.impact.figures.Figures;
import fr.alize.impact.figures.Measures;
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
    Figures figures;
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
        Map<Integer, Measures> jobs = new TreeMap<>();
        figures.read(Selection.allYears(Figure.JOBS).keys("total", "total"), asOf).forEach((key, m) -> {
            if (m.n() > 0) {
                jobs.put(key.year(), m);
            }
        });
        TreeSet<Integer> years = new TreeSet<>(supported.keySet());
        years.addAll(setTargets.keySet());
        years.addAll(hours.keySet());
        years.addAll(jobs.keySet());
        List<Yearly> result = new ArrayList<>();
        for (int year : years) {
            BigDecimal h = hours.getOrDefault(year, BigDecimal.ZERO).setScale(2, java.math.RoundingMode.HALF_UP);
            Measures j = jobs.getOrDefault(year, Measures.ZERO);
            result.add(new Yearly(year, setTargets.getOrDefault(year, targets.defaultTarget()),
                    supported.getOrDefault(year, 0L), j.v1().longValueExact(), j.v2().longValueExact(), h,
                    contributions.skillDays(h)));
        }
        return result;
    }

    /** Companies supported (a mission started in the period) and jobs reported (dated in the period), bounds included. */
    public Totals totals(LocalDate from, LocalDate to, Instant asOf) {
        long missions = figures.sumOfDays(Figure.STARTS_DAY, from, to, asOf).n();
        Measures jobs = figures.sumOfDays(Figure.JOBS_DAY, from, to, asOf);
        return new Totals(from, to, asOf, targets.companiesSupported(from, to, asOf), missions,
                jobs.v1().longValueExact(), jobs.v2().longValueExact());
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
