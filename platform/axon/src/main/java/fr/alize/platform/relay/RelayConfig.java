package fr.alize.platform.relay;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Settings of the outbox relay ({@link KafkaEventPublisher}), under {@code alize.events.}: in the services that keep aggregates. */
@ConfigMapping(prefix = "alize.events")
public interface RelayConfig {

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
