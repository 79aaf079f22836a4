package fr.alize.matching.mission;

import fr.alize.matching.MatchingConfig;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Whether {@link AutoProposer} proposes; in production, {@code matching.auto-propose} says (a test bean may replace it). */
public interface AutoProposals {

    boolean on();

    /** Production: as configured. */
    @DefaultBean
    @ApplicationScoped
    class Configured implements AutoProposals {
        @Inject
        MatchingConfig config;

        @Override
        public boolean on() {
            return config.autoPropose();
        }
    }
}
