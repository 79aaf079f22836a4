package fr.alize.testing;

import fr.alize.infra.KafkaBroker;

import java.nio.file.Path;

/**
 * Stops and restarts the test broker of {@link AlizeInfraResource} for outage tests: same port, same
 * data. Works from any classloader (Quarkus loads tests and test resources in different ones): the
 * broker is found through the system property {@value AlizeInfraResource#KAFKA_DIR}.
 *
 * <p>Only with the embedded broker (the mode used where no Docker engine answers, or forced with
 * {@code ALIZE_TEST_INFRA=embedded}); with Testcontainers a restarted container gets another port, so
 * this is unsupported there: guard outage tests with {@code assumeTrue(KafkaBrokerControl.isSupported())}.
 */
public final class KafkaBrokerControl {

    private KafkaBrokerControl() {
    }

    public static boolean isSupported() {
        return System.getProperty(AlizeInfraResource.KAFKA_DIR) != null;
    }

    /** Stops the broker (SIGTERM) and returns once its process has exited. */
    public static void stop() {
        broker().stop();
    }

    /** Starts the broker again on the same port and returns once it accepts clients. */
    public static void start() {
        KafkaBroker broker = broker();
        if (!broker.isRunning()) {
            broker.start();
        }
    }

    public static boolean isRunning() {
        return broker().isRunning();
    }

    private static KafkaBroker broker() {
        String dir = System.getProperty(AlizeInfraResource.KAFKA_DIR);
        if (dir == null) {
            throw new UnsupportedOperationException(
                    "broker stop/start needs the embedded broker of AlizeInfraResource; infrastructure in use: "
                            + System.getProperty(AlizeInfraResource.MODE, "none started")
                            + " (run with ALIZE_TEST_INFRA=embedded)");
        }
        return KafkaBroker.attach(Path.of(dir));
    }
}
