package fr.alize.platform.startup;

import fr.alize.platform.AlizeConfig;
import fr.alize.platform.errors.ServiceUnavailableException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * A service's start on its database: the schema is migrated with Flyway, then every {@link StartStep} runs. When the
 * database does not answer yet, the service still starts (readiness says why it is not ready, API calls answer 503)
 * and keeps trying in the background with a growing pause, so the order in which a platform brings up its parts does
 * not matter.
 */
@ApplicationScoped
public class ServiceStart {

    private static final Logger LOG = Logger.getLogger(ServiceStart.class);

    @Inject
    AlizeConfig config;
    @Inject
    Flyway flyway;
    @Inject
    @Any
    Instance<StartStep> steps;

    private volatile boolean started;
    private volatile boolean stopping;
    private volatile String lastFailure = "starting";
    private Thread starter;

    void onStart(@Observes StartupEvent event) {
        // first attempt in line, so that a healthy start is complete when the application says it has started
        if (!tryStart()) {
            starter = new Thread(this::retryStart, "alize-starter");
            starter.setDaemon(true);
            starter.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        if (starter != null) {
            starter.interrupt();
        }
    }

    private void retryStart() {
        Duration pause = config.startup().initialBackoff();
        while (!stopping && !started) {
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            pause = pause.multipliedBy(2).compareTo(config.startup().maxBackoff()) > 0
                    ? config.startup().maxBackoff() : pause.multipliedBy(2);
            tryStart();
        }
    }

    private synchronized boolean tryStart() {
        if (started || stopping) {
            return started;
        }
        try {
            flyway.migrate();
            steps.forEach(StartStep::start);
            started = true;
            LOG.infof("%s started", config.serviceName());
        } catch (RuntimeException e) {
            lastFailure = rootMessage(e);
            LOG.warnf("Cannot start yet (%s); retrying in the background", lastFailure);
        }
        return started;
    }

    public boolean isStarted() {
        return started;
    }

    /** Why the service is not started yet, for the readiness check. */
    public String startupProblem() {
        return started ? null : lastFailure;
    }

    /** What a caller is told while the service has not reached its database yet. */
    public ServiceUnavailableException notStarted() {
        return new ServiceUnavailableException("The service is starting (" + lastFailure + "); try again shortly.");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
