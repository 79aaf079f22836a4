package fr.alize.platform.time;

import fr.alize.platform.AlizeConfig;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The one clock of a service: "now", and "today" in the programme's time zone ({@code alize.zone}, Europe/Paris by
 * default) for date rules, expiry, rankings and reports. Inject {@link Clock} rather than reading the system time; a
 * test replaces this bean by producing its own {@link Clock} (this one is only a default).
 */
@Singleton
public class ClockProducer {

    @Produces
    @DefaultBean
    @Singleton
    Clock clock(AlizeConfig config) {
        return Clock.system(config.zone());
    }
}
