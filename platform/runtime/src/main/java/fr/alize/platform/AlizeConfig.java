package fr.alize.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

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

    Events events();

    interface Events {
        /** The Kafka topic this service publishes its domain events to (one topic per producing service). */
        String topic();

        /** Partitions of the topic when this service creates it. */
        @WithDefault("3")
        int partitions();

        /** Replication factor of the topic when this service creates it (1 on a single broker, 3 on a cluster). */
        @WithDefault("1")
        short replicationFactor();

        /**
         * The topic's {@code min.insync.replicas} when this service creates it: replicas that must hold a record before
         * the broker acknowledges it to a producer with {@code acks=all} (2 of 3 on a cluster). Unset: the broker's.
         */
        Optional<Integer> minInsyncReplicas();

        /** Events the publisher forwards in one batch (one transaction, one wait for the broker's acknowledgements). */
        @WithDefault("200")
        int batchSize();

        /**
         * How long one batch may wait for the broker before it is retried later. Shorter than {@link #claimTimeout()},
         * so that a batch always ends (committed or failed) while its instance still holds the relay's claim.
         */
        @WithDefault("PT3S")
        Duration sendTimeout();

        /**
         * How long the relay's token claim (one active publisher per service) survives without being renewed. The
         * holder renews it with every batch and every second when idle; when the holder dies, another instance takes
         * over within this time plus {@link #claimInterval()} (docs/architecture.md, "One relay per service").
         */
        @WithDefault("PT5S")
        Duration claimTimeout();

        /** How often an instance that holds no claim tries to take the relay's token. */
        @WithDefault("PT1S")
        Duration claimInterval();

        /**
         * Readiness says the relay is stalled when the oldest event it has not had acknowledged by the broker was
         * stored longer ago than this (docs/architecture.md, "Lag and health").
         */
        @WithDefault("PT60S")
        Duration stallAfter();
    }

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
