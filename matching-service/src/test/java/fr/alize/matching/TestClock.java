package fr.alize.matching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Tests run on a fixed day, so that "today" in missions and rankings is known. */
@ApplicationScoped
public class TestClock {

    public static final LocalDate TODAY = LocalDate.of(2027, 2, 1);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Produces
    @Singleton
    Clock clock() {
        return Clock.fixed(TODAY.atTime(10, 0).atZone(PARIS).toInstant(), PARIS);
    }
}
