package fr.alize.needs.infrastructure;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The one clock of the service: "today" for date rules (window end not in the past, no report in the future) and
 * need expiry. Dates are those of the programme's time zone ({@code needs.zone}, Europe/Paris by default).
 * Tests replace this bean with a clock they move.
 */
public class TimeConfig {

    @Produces
    @Singleton
    Clock clock(@ConfigProperty(name = "needs.zone", defaultValue = "Europe/Paris") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
