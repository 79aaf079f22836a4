package fr.alize.needs;

import io.quarkus.test.Mock;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The service's clock in tests: the real time, moved forward by what a test asks for, so that expiry and date rules
 * are tested without waiting. Tests that move it put it back ({@link #reset()}).
 */
public final class TestClock extends Clock {

    private static volatile Duration offset = Duration.ZERO;
    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    public static void advance(Duration by) {
        offset = offset.plus(by);
    }

    public static void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    /** Replaces the service's clock bean. */
    public static class Producer {
        @Produces
        @Mock
        @Singleton
        Clock clock() {
            return new TestClock();
        }
    }
}
