package fr.alize.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;

/**
 * Settings shared by every service, under the {@code alize.} prefix.
 */
@ConfigMapping(prefix = "alize")
public interface AlizeConfig {

    /** Name of the service, used as the CloudEvents {@code source} ({@code /alize/<name>}). */
    String serviceName();

    /** The programme's time zone: the one of "today" for the service's {@link java.time.Clock} bean. */
    @WithDefault("Europe/Paris")
    ZoneId zone();

    Startup startup();

    Http http();

    interface Http {
        /** Largest request body accepted (413 problem+json above it). */
        @WithDefault("1048576")
        long maxBodyBytes();
    }

    interface Startup {
        /** First pause between attempts to reach the database at start; doubles up to {@link #maxBackoff()}. */
        @WithDefault("PT0.5S")
        Duration initialBackoff();

        @WithDefault("PT10S")
        Duration maxBackoff();
    }
}
