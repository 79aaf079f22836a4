package fr.alize.testing;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Where the tests' PostgreSQL and Kafka come from: Testcontainers where a Docker engine answers,
 * otherwise real servers started from Maven artifacts (no Docker needed).
 *
 * <p>Override with the system property {@value #PROPERTY} or the environment variable {@value #ENV}:
 * {@code embedded}, {@code containers} or {@code auto} (the default).
 */
public enum InfraMode {
    /** zonky PostgreSQL and a Kafka broker in a child JVM (alize-local-infra). */
    EMBEDDED,
    /** Testcontainers' PostgreSQL and Kafka. */
    CONTAINERS;

    public static final String PROPERTY = "alize-test.infra";
    public static final String ENV = "ALIZE_TEST_INFRA";

    /** A mode and why it was chosen, for the log. */
    public record Choice(InfraMode mode, String reason) {
        @Override
        public String toString() {
            return mode.name().toLowerCase(Locale.ROOT) + " (" + reason + ")";
        }
    }

    /**
     * Chooses the mode.
     *
     * @param override        "embedded", "containers", "auto", or null/blank for auto
     * @param dockerAvailable asked only in auto mode; an exception counts as "no engine"
     */
    public static Choice choose(String override, BooleanSupplier dockerAvailable) {
        String value = override == null ? "" : override.trim().toLowerCase(Locale.ROOT);
        switch (value) {
            case "embedded":
                return new Choice(EMBEDDED, "forced by " + ENV + "/" + PROPERTY + "=embedded");
            case "containers":
                return new Choice(CONTAINERS, "forced by " + ENV + "/" + PROPERTY + "=containers");
            case "", "auto":
                break;
            default:
                throw new IllegalArgumentException(ENV + "/" + PROPERTY + " must be embedded, containers or auto, not '" + override + "'");
        }
        boolean docker;
        String failure = "";
        try {
            docker = dockerAvailable.getAsBoolean();
        } catch (RuntimeException | LinkageError e) {
            docker = false;
            failure = ": " + e;
        }
        return docker
                ? new Choice(CONTAINERS, "a Docker engine answers")
                : new Choice(EMBEDDED, "no Docker engine answers" + failure);
    }

    /** The choice for this JVM: the override from the system property or environment, else Docker's availability. */
    public static Choice choose() {
        String override = System.getProperty(PROPERTY, System.getenv(ENV));
        return choose(override, InfraMode::dockerAvailable);
    }

    /** Whether Testcontainers finds a working Docker engine. */
    static boolean dockerAvailable() {
        return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
    }
}
