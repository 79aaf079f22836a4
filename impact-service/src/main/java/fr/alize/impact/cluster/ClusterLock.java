package fr.alize.impact.cluster;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Locks shared by every instance of impact-service: PostgreSQL session advisory locks, each held on a connection of
 * its own for as long as the work it guards. PostgreSQL releases a lock when its session ends, so an instance that
 * dies (or loses its connection) lets another one take over. Keys are pairs ({@link #NAMESPACE}, work), so that they
 * never meet Flyway's single-key lock.
 */
@ApplicationScoped
public class ClusterLock {

    /** The first half of every key of impact-service ("IMPA"). */
    public static final int NAMESPACE = 0x494d5041;

    /** What a lock guards: the second half of its key. */
    public enum Work {
        REBUILD(1), YEARLY_FIGURES(2);

        public final int key;

        Work(int key) {
            this.key = key;
        }
    }

    /**
     * SQL condition, true when the lock of the work bound as the first parameter is held, by the backend bound as
     * the second parameter (or by anyone when that one is null).
     */
    public static final String HELD = """
            EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid::bigint = %d
                    AND objid::bigint = ? AND objsubid = 2 AND (pid = ? OR ?::int IS NULL))""".formatted(NAMESPACE);

    private static final Logger LOG = Logger.getLogger(ClusterLock.class);

    @Inject
    AgroalDataSource dataSource;

    /** A lock this instance holds, on its own connection; closing it releases the lock. */
    public final class Held implements AutoCloseable {
        private final Work work;
        private final Connection connection;
        private final int pid;

        private Held(Work work, Connection connection, int pid) {
            this.work = work;
            this.connection = connection;
            this.pid = pid;
        }

        /** The PostgreSQL backend that holds the lock (what {@code pg_locks.pid} shows). */
        public int pid() {
            return pid;
        }

        /** False once the session that held the lock is gone (and with it the lock). */
        public boolean alive() {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + HELD)) {
                select.setInt(1, work.key);
                select.setInt(2, pid);
                select.setInt(3, pid);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() && row.getBoolean(1);
                }
            } catch (SQLException e) {
                return false;
            }
        }

        @Override
        public void close() {
            try (connection; PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
                unlock.setInt(1, NAMESPACE);
                unlock.setInt(2, work.key);
                unlock.execute();
            } catch (SQLException e) {
                // the session is gone, and the lock with it; do not hand the broken connection out again
                LOG.debugf("the %s lock's session was already gone: %s", work, e.getMessage());
                dataSource.flush(AgroalDataSource.FlushMode.INVALID);
            }
        }
    }

    /** Takes the lock of the work if no session holds it; empty when another one (of any instance) does. */
    public Optional<Held> tryAcquire(Work work) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT pg_try_advisory_lock(?, ?), pg_backend_pid()")) {
                lock.setInt(1, NAMESPACE);
                lock.setInt(2, work.key);
                try (ResultSet row = lock.executeQuery()) {
                    row.next();
                    if (row.getBoolean(1)) {
                        return Optional.of(new Held(work, connection, row.getInt(2)));
                    }
                }
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("cannot ask the database for the " + work + " lock", e);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing held on it
            }
        }
    }
}
