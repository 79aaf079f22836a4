package fr.alize.volunteer.skills;

import fr.alize.platform.axon.AxonRuntime;
import fr.alize.volunteer.skills.SkillTaxonomyEvents.PublishSkillTaxonomy;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Publishes the shipped taxonomy version once: at start-up, when the event store does not hold that version yet.
 * Runs after Axon has started (later priority); if Axon is still waiting for its database, it tries again in the
 * background. Two replicas starting together clash on the version's aggregate id, and the loser finds it published.
 */
@ApplicationScoped
public class SkillTaxonomyPublisher {

    private static final Logger LOG = Logger.getLogger(SkillTaxonomyPublisher.class);

    @Inject
    AxonRuntime axon;
    @Inject
    SkillCatalogue catalogue;

    private volatile boolean stopping;

    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 900) StartupEvent event) {
        if (!publishIfNeeded()) {
            Thread retry = new Thread(this::retry, "alize-skill-taxonomy-publisher");
            retry.setDaemon(true);
            retry.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    private void retry() {
        Duration pause = Duration.ofMillis(500);
        while (!stopping && !publishIfNeeded()) {
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : pause.multipliedBy(2);
        }
    }

    /** True once the shipped version is in the event store (published now or before). */
    synchronized boolean publishIfNeeded() {
        if (!axon.isStarted()) {
            return false;
        }
        try {
            if (published()) {
                return true;
            }
            axon.commandGateway().sendAndWait(new PublishSkillTaxonomy(catalogue.version(), catalogue.skills()));
            LOG.infof("Published skill taxonomy %s (%d skills)", catalogue.version(), catalogue.skills().size());
            return true;
        } catch (RuntimeException e) {
            if (published()) {
                return true; // another replica did it
            }
            LOG.warnf("Could not publish skill taxonomy %s yet: %s", catalogue.version(), e.getMessage());
            return false;
        }
    }

    private boolean published() {
        return axon.eventStore().readEvents(catalogue.version()).hasNext();
    }
}
