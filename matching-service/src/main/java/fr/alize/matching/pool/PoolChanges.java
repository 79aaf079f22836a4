package fr.alize.matching.pool;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.postgresql.PGProperty;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps this instance's in-memory index on the pool tables, whichever instance wrote them. The transaction that
 * changes a pool row also sends {@code pg_notify('pool_changed', 'kind:id')} ({@link PoolProjection#changed}), which
 * PostgreSQL delivers to every listener once that transaction commits. Each instance listens on a connection of its
 * own (not one of the pool's), on its own thread, and refreshes the id it is told about from the tables. When that
 * connection is opened (at start, or again after it was lost), the instance first listens, then reloads its whole
 * index from the tables: a change committed before the listening began is in the reload, one committed after is
 * notified, so none is missed.
 */
@ApplicationScoped
public class PoolChanges {

    private static final Logger LOG = Logger.getLogger(PoolChanges.class);
    static final String CHANNEL = "pool_changed";
    /** The listening connection's {@code application_name}, so an operator (or a test) can find it. */
    static final String APPLICATION_NAME = "matching-pool-listener";
    private static final Duration WAIT = Duration.ofMillis(500);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(10);

    @Inject
    CandidatePool pool;
    @Inject
    PoolRebuild rebuild;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private Thread thread;

    void start(@Observes StartupEvent event) {
        thread = new Thread(this::run, "matching-pool-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        stopped.countDown();
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        Duration pause = WAIT;
        while (stopped.getCount() > 0) {
            try (Connection connection = open()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                pool.reload();
                pause = WAIT;
                listen(connection.unwrap(PGConnection.class));
            } catch (SQLException | RuntimeException e) {
                if (stopped.getCount() == 0) {
                    return;
                }
                LOG.warnf("candidate pool: lost the listening connection (%s); listening again, then reloading", e.getMessage());
                if (await(pause)) {
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    private void listen(PGConnection connection) throws SQLException {
        while (stopped.getCount() > 0) {
            PGNotification[] notifications = connection.getNotifications((int) WAIT.toMillis());
            if (notifications == null) {
                continue;
            }
            for (PGNotification notification : notifications) {
                String payload = notification.getParameter();
                LOG.debugf("candidate pool: %s changed", payload);
                int colon = payload.indexOf(':');
                String kind = payload.substring(0, Math.max(colon, 0));
                String id = payload.substring(colon + 1);
                if (PoolProjection.REBUILD.equals(kind)) {
                    rebuild.rebuiltElsewhere(id);
                } else {
                    pool.refresh(kind, id);
                }
            }
        }
    }

    private Connection open() throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(user -> PGProperty.USER.set(properties, user));
        password.ifPresent(secret -> PGProperty.PASSWORD.set(properties, secret));
        PGProperty.APPLICATION_NAME.set(properties, APPLICATION_NAME);
        // a dead server or network is noticed within seconds, not at the next kernel timeout
        PGProperty.TCP_KEEP_ALIVE.set(properties, true);
        return DriverManager.getConnection(url, properties);
    }

    /** Waits, unless the service stops meanwhile; true when it stops. */
    private boolean await(Duration pause) {
        try {
            return stopped.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            return true;
        }
    }
}
