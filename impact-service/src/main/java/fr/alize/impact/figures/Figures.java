package fr.alize.impact.figures;

import fr.alize.impact.eventlog.Rebuild;
import fr.alize.impact.figures.FigureStore.Selection;
import fr.alize.platform.errors.ConflictException;
import fr.alize.platform.errors.ServiceUnavailableException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads of the read model of the current generation, for the reports. */
@ApplicationScoped
public class Figures {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Instance<Rebuild> rebuild;

    /**
     * A log older than the read model (migration V5), or than a figure it now keeps (V6), has none until a rebuild
     * builds it: the first report asked starts that rebuild (on one instance: another that asks meanwhile finds it
     * running), and reports answer 503 until it has switched.
     */
    private ServiceUnavailableException notBuiltYet() {
        try {
            rebuild.get().start();
        } catch (ConflictException running) {
            // started already, here or on another instance
        }
        return new ServiceUnavailableException("The figures of this event log are being built by a rebuild"
                + " (GET /events/rebuild shows its progress); try again when it has switched.");
    }

    /**
     * A day series ({@link Figure#months()}) summed over the days from {@code from} to {@code to} included, as of the
     * instant: the months the period covers whole from their rollup, the days of the one or two it covers in part;
     * all of them read from one generation, through one connection.
     */
    public Measures sumOfDays(Figure days, LocalDate from, LocalDate to, Instant asOf) {
        YearMonth firstWhole = from.getDayOfMonth() == 1 ? YearMonth.from(from) : YearMonth.from(from).plusMonths(1);
        YearMonth lastWhole = to.equals(YearMonth.from(to).atEndOfMonth()) ? YearMonth.from(to) : YearMonth.from(to).minusMonths(1);
        List<Selection> parts = new ArrayList<>();
        if (firstWhole.isAfter(lastWhole)) {
            parts.add(Selection.year(days, 0).keys(from.toString(), to.toString()));
        } else {
            parts.add(Selection.year(days.months(), 0).keys(firstWhole.toString(), lastWhole.toString()));
            if (from.isBefore(firstWhole.atDay(1))) {
                parts.add(Selection.year(days, 0).keys(from.toString(), firstWhole.atDay(1).minusDays(1).toString()));
            }
            if (to.isAfter(lastWhole.atEndOfMonth())) {
                parts.add(Selection.year(days, 0).keys(lastWhole.plusMonths(1).atDay(1).toString(), to.toString()));
            }
        }
        return inCurrentGeneration((connection, generation) -> {
            Measures total = Measures.ZERO;
            for (Selection part : parts) {
                for (Measures series : FigureStore.read(connection, generation, part, asOf).values()) {
                    total = total.plus(series);
                }
            }
            return total;
        });
    }

    /** The selected series as of the instant (null: now); 503 until the current log has its read model. */
    public Map<FigureKey, Measures> read(FigureStore.Selection selection, Instant asOf) {
        return inCurrentGeneration((connection, generation) -> FigureStore.read(connection, generation, selection, asOf));
    }

    private interface Reading<T> {
        T read(Connection connection, int generation) throws SQLException;
    }

    /** Runs the reading on the current generation's read model; 503 until it is built. */
    private <T> T inCurrentGeneration(Reading<T> reading) {
        try (Connection connection = dataSource.getConnection()) {
            int generation;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT current_generation, figures_complete FROM event_log_generation WHERE id = 1");
                 ResultSet row = select.executeQuery()) {
                row.next();
                generation = row.getInt(1);
                if (!row.getBoolean(2)) {
                    throw notBuiltYet();
                }
            }
            return reading.read(connection, generation);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the figures", e);
        }
    }
}
