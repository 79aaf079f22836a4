package fr.alize.impact.targets;

import fr.alize.impact.eventlog.EventLog;
import fr.alize.impact.figures.Figure;
import fr.alize.impact.figures.FigureStore.Selection;
import fr.alize.impact.figures.Figures;
import fr.alize.impact.figures.Measures;
import fr.alize.impact.report.CsvTable;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.inject.Inject;
import fr.alize.impact.report.ImpactConfig;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Annual targets (SMEs to support per year, set by the CCI; every change is kept, so a target is read "as of" a time)
 * and progress against them: the SMEs supported in the year (at least one mission started in it), month by month,
 * and a straight-line forecast to the year's end.
 */
@ApplicationScoped
public class Targets {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Figures figures;
    @Inject
    Clock clock;
    @Inject
    ImpactConfig config;

    public record Month(int month, long supportedSmes) {
    }

    public record Progress(int year, Instant asOf, int target, long supportedSmes, List<Month> months,
                           BigDecimal forecast, boolean onTrack) {
    }

    public record Target(int year, int target, Instant setAt) {
    }

    /** Records the target, and marks the figures changed in the same transaction. */
    @Transactional
    public Target set(int year, int target, String by) {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO annual_target (year, set_at, target, set_by) VALUES (?, ?, ?, ?)")) {
            insert.setInt(1, year);
            insert.setTimestamp(2, Timestamp.from(now));
            insert.setInt(3, target);
            insert.setString(4, by);
            insert.executeUpdate();
            EventLog.figuresChanged(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set the target of " + year, e);
        }
        return new Target(year, target, now);
    }

    /** The target of every year the CCI set one for, as of the time; {@link #targetOf} gives the default otherwise. */
    public Map<Integer, Integer> setTargets(Instant asOf) {
        Map<Integer, Integer> targets = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT DISTINCT ON (year) year, target FROM annual_target WHERE set_at <= ?
                     ORDER BY year, set_at DESC""")) {
            select.setTimestamp(1, Timestamp.from(asOf == null ? clock.instant() : asOf));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    targets.put(rows.getInt(1), rows.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read targets", e);
        }
        return targets;
    }

    public int targetOf(int year, Instant asOf) {
        return setTargets(asOf).getOrDefault(year, config.defaultTarget());
    }

    public int defaultTarget() {
        return config.defaultTarget();
    }

    /** SMEs supported per year: those with at least one mission started in it. */
    public Map<Integer, Long> supportedSmesByYear(Instant asOf) {
        Map<Integer, Long> supported = new TreeMap<>();
        figures.read(Selection.allYears(Figure.SUPPORTED), asOf).forEach((key, m) -> {
            if (m.n() > 0) {
                supported.put(key.year(), m.n());
            }
        });
        return supported;
    }

    /**
     * SMEs with a mission started in the period, each once: the SMEs with a start on each day of the period, minus,
     * for each SME, the pairs of its consecutive start days that are both in it (see {@link Figure#SME_GAPS}).
     */
    public long companiesSupported(LocalDate from, LocalDate to, Instant asOf) {
        long days = figures.sumOfDays(Figure.SME_DAYS, from, to, asOf).n();
        // keys "p|q" from "from" to "to": the pairs with p in the period (one with p = to has q after it)
        long gaps = figures.read(Selection.year(Figure.SME_GAPS, 0).keys(from.toString(), to.toString()), asOf).entrySet()
                .stream().filter(gap -> gap.getKey().key().substring(11).compareTo(to.toString()) <= 0)
                .mapToLong(gap -> gap.getValue().n()).sum();
        return days - gaps;
    }

    public Progress progress(int year, Instant asOf) {
        long[] firstOfMonth = new long[13];
        figures.read(Selection.year(Figure.FIRST_MONTH, year), asOf)
                .forEach((key, m) -> firstOfMonth[Integer.parseInt(key.key())] += m.n());
        List<Month> months = new ArrayList<>();
        long supported = 0;
        for (int month = 1; month <= 12; month++) {
            supported += firstOfMonth[month];
            months.add(new Month(month, supported));
        }
        int target = targetOf(year, asOf);
        BigDecimal forecast = forecast(year, supported, LocalDate.ofInstant(asOf == null ? clock.instant() : asOf, clock.getZone()));
        return new Progress(year, asOf, target, supported, months, forecast, forecast.compareTo(BigDecimal.valueOf(target)) >= 0);
    }

    /** Straight line through the supported SMEs so far, from the 1st of January to the as-of day, to the year's end. */
    static BigDecimal forecast(int year, long supported, LocalDate asOf) {
        if (asOf.getYear() > year) {
            return BigDecimal.valueOf(supported).setScale(1, RoundingMode.HALF_UP);
        }
        if (asOf.getYear() < year) {
            return BigDecimal.ZERO.setScale(1, RoundingMode.HALF_UP);
        }
        return BigDecimal.valueOf(supported * (long) asOf.lengthOfYear())
                .divide(BigDecimal.valueOf(asOf.getDayOfYear()), 1, RoundingMode.HALF_UP);
    }

    static CsvTable csv(Progress progress) {
        CsvTable table = CsvTable.of("year", "month", "supportedSmesCumulative", "target", "forecastAtYearEnd");
        progress.months().forEach(m -> table.row(progress.year(), m.month(), m.supportedSmes(), progress.target(),
                progress.forecast()));
        return table;
    }
}
