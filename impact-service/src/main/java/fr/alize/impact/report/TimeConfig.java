package fr.alize.impact.report;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The service's clock: "now" is the default "as of" of every report; dates are those of the programme's zone. */
public class TimeConfig {

    @Produces
    @Singleton
    Clock clock(ImpactConfig config) {
        return Clock.system(config.zone());
    }
}
