package fr.alize.matching.infra;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.ZoneId;

/** "Today" for missions and rankings, in the CCI's time zone; tests replace it with a clock they set. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.system(ZoneId.of("Europe/Paris"));
    }
}
