package fr.alize.impact.figures;

import fr.alize.impact.eventlog.Rebuild;
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
import java.util.Map;

/** Reads of the read model of the current generation, for the reports. */
@ApplicationScoped
public class Figures {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Instance<Rebuild> rebuild;

    /**
     * A log older than the read model (migration V5) has none until a rebuild builds it: the first report asked starts
     * that rebuild (on one instance: another that asks meanwhile finds it running), and reports answer 503 until it
     * has switched.
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

    /** The selected series as of the instant (null: now); 503 until the current log has its read model. */
    public Map<FigureKey, Measures> read(FigureStore.Selection selection, Instant asOf) {
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
            return FigureStore.read(connection, generation, selection, asOf);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the figures", e);
        }
    }
}
