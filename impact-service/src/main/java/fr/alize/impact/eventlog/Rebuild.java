package fr.alize.impact.eventlog;

import fr.alize.impact.cluster.ClusterLock;
import fr.alize.impact.figures.FigureBuild;
import fr.alize.impact.figures.Projector;
import fr.alize.platform.errors.ConflictException;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds the event log from offset zero of the topics into a new table (the next generation) while the current one
 * keeps serving every report, then switches over atomically: the pointer to the current generation changes in the
 * same transaction that copies the few events the live consumers recorded meanwhile. Every report derives from the
 * log's read model, which is built in bulk for the new generation before the switch ({@link FigureBuild}) and
 * brought up to date with the events copied at the switch, so they all follow.
 * <p>
 * One rebuild at a time across every instance: the instance that starts one holds the rebuild's advisory lock
 * ({@link ClusterLock}) on a connection of its own until it ends; another instance asked meanwhile answers 409. Its
 * state, progress and checkpoint live in the database ({@link RebuildCheckpoints}), so every instance reports the same,
 * and one stopped midway (a crash, a restart, a lost connection) is resumed by the next start on any instance, every
 * record copied exactly once. The parts: {@link CopyStreams} reads the topics and writes batches, {@link CopyRows}
 * encodes them, {@link GenerationTables} makes the tables and builds their indexes.
 */
@ApplicationScoped
public class Rebuild {

    private static final Logger LOG = Logger.getLogger(Rebuild.class);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    EventLog log;
    @Inject
    ClusterLock locks;
    @Inject
    RebuildCheckpoints checkpoints;
    @Inject
    CopyStreams copyStreams;
    @Inject
    GenerationTables tables;
    @Inject
    RebuildThreads threads;
    @Inject
    RebuildSeams seams;
    @ConfigProperty(name = "quarkus.http.port")
    int httpPort;

    /** The last rebuild, as every instance sees it. */
    public RebuildStatus status() {
        return checkpoints.status();
    }

    /** Starts a rebuild, or resumes the one that was interrupted or failed; 409 when one runs on any instance. */
    public RebuildStatus start() {
        ClusterLock.Held lock = locks.tryAcquire(ClusterLock.Work.REBUILD).orElseThrow(() -> {
            RebuildStatus running = status();
            return new ConflictException("a rebuild is running" + (running.owner() == null ? "" : " on " + running.owner())
                    + ": " + Math.round(running.progress() * 100) + "% done");
        });
        try {
            RebuildStatus started = checkpoints.claim(lock, log.currentGeneration(), owner());
            threads.async(() -> run(lock));
            return started;
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** This instance, as the status names it: process@host and HTTP port. */
    private String owner() {
        return ManagementFactory.getRuntimeMXBean().getName() + ":" + httpPort;
    }

    private void run(ClusterLock.Held lock) {
        try {
            RebuildCheckpoints.Checkpoint checkpoint = checkpoints.load();
            if (checkpoint.to() == null) {
                checkpoint = begin(lock, checkpoint.from());
            } else {
                LOG.infof("resuming the rebuild of generation %d (%d records in all)", checkpoint.to(), checkpoint.total());
            }
            long copyStart = System.nanoTime();
            copyStreams.copy(checkpoint, lock);
            long finishStart = System.nanoTime();
            long[] figures = new long[2]; // rows, nanoseconds
            int generation = checkpoint.to();
            long stored = tables.finish(checkpoint.from(), checkpoint.to(), () -> {
                long start = System.nanoTime();
                try {
                    figures[0] = FigureBuild.build(dataSource, generation, threads.streams(), threads::sideBySide);
                } catch (SQLException e) {
                    throw new IllegalStateException("could not build the read model of generation " + generation, e);
                }
                figures[1] = System.nanoTime() - start;
            });
            checkpoints.tableFinished(lock, stored);
            LOG.infof("rebuild of generation %d: copy %.1f s; then in %.1f s, duplicates removed and indexes built (%d at"
                    + " a time) and, beside them, the read model built in %.1f s (%d rows)", checkpoint.to(),
                    (finishStart - copyStart) / 1e9, (System.nanoTime() - finishStart) / 1e9, threads.streams(),
                    figures[1] / 1e9, figures[0]);
            switchOver(lock, checkpoint.from(), checkpoint.to(), checkpoint.copyStartedAt());
            LOG.infof("event log rebuilt into generation %d: %d events stored", checkpoint.to(), stored);
        } catch (Exception e) {
            LOG.error("event log rebuild stopped; the current generation stays in service and a new start resumes it", e);
            try {
                checkpoints.failed(lock, String.valueOf(e.getMessage()));
            } catch (RuntimeException lost) {
                LOG.warnf("the rebuild's failure is not recorded: %s", lost.getMessage());
            }
        } finally {
            lock.close();
        }
    }

    /**
     * A fresh start: drops every generation but the current one (earlier ones, abandoned rebuilds), creates the next
     * table, and records the checkpoint: every partition from its beginning up to its end as it is now.
     */
    private RebuildCheckpoints.Checkpoint begin(ClusterLock.Held lock, int current) throws SQLException {
        int to = tables.prepareNext(current);
        // The copy reads up to the end offsets below; the switch-over copies what the live consumers stored since
        // copyStartedAt. Taken BEFORE the end offsets, so that an event appended in between is in one or the other.
        Timestamp copyStartedAt = databaseNow();
        Map<TopicPartition, long[]> positions = copyStreams.offsetsNow(seams::afterEndOffsets);
        return checkpoints.begin(lock, to, copyStartedAt, positions);
    }

    /** The database's clock (the one {@code stored_at} is taken from), now. */
    private Timestamp databaseNow() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement select = connection.createStatement();
             ResultSet now = select.executeQuery("SELECT clock_timestamp()")) {
            now.next();
            return now.getTimestamp(1);
        }
    }

    /**
     * Makes the new generation the current one. Updating the pointer waits for the live consumers' writes in flight
     * (they hold it FOR SHARE) and makes later ones wait; the events they recorded in the old table since the copy
     * began are then copied over, the new generation's events counted, the rebuild recorded SWITCHED and the figures
     * marked changed, all at once.
     */
    private void switchOver(ClusterLock.Held lock, int from, int to, Timestamp copyStartedAt) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement pointer = connection.prepareStatement("UPDATE event_log_generation"
                         + " SET current_generation = ?, figures_complete = TRUE WHERE id = 1 AND current_generation = ?");
                 PreparedStatement catchUp = connection.prepareStatement("INSERT INTO " + EventLog.table(to)
                         + " SELECT * FROM " + EventLog.table(from) + " WHERE stored_at >= ? ON CONFLICT (event_id) DO NOTHING"
                         + " RETURNING " + Projector.Added.RETURNING)) {
                pointer.setInt(1, to);
                pointer.setInt(2, from);
                if (pointer.executeUpdate() != 1) {
                    throw new IllegalStateException("the current generation changed during the rebuild");
                }
                catchUp.setTimestamp(1, copyStartedAt);
                List<Projector.Added> caughtUp = new ArrayList<>();
                try (ResultSet rows = catchUp.executeQuery()) {
                    while (rows.next()) {
                        caughtUp.add(Projector.Added.of(rows));
                    }
                }
                Projector.added(connection, to, caughtUp);
                try (PreparedStatement count = connection.prepareStatement("INSERT INTO event_log_count (generation, events)"
                        + " SELECT ?, count(*) FROM " + EventLog.table(to)
                        + " ON CONFLICT (generation) DO UPDATE SET events = EXCLUDED.events")) {
                    count.setInt(1, to);
                    count.executeUpdate();
                }
                EventLog.figuresChanged(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("could not switch to generation " + to, e);
            }
            checkpoints.switched(lock);
        });
    }
}
