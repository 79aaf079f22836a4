package fr.alize.testing;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Testcontainers' PostgreSQL and Kafka, for machines where a Docker engine answers. Images can be
 * overridden with the system properties {@code alize-test.postgres.image} and {@code alize-test.kafka.image}.
 * Kept apart so that Testcontainers' classes load only in this mode.
 */
final class ContainerInfra {

    private ContainerInfra() {
    }

    static Runnable start() {
        PostgreSQLContainer postgres = new PostgreSQLContainer(System.getProperty("alize-test.postgres.image", "postgres:17-alpine"))
                .withDatabaseName("postgres");
        KafkaContainer kafka = new KafkaContainer(System.getProperty("alize-test.kafka.image", "apache/kafka:4.1.2"))
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        postgres.start();
        try {
            kafka.start();
        } catch (RuntimeException e) {
            postgres.stop();
            throw e;
        }
        System.setProperty(AlizeInfraResource.POSTGRES_HOST, postgres.getHost());
        System.setProperty(AlizeInfraResource.POSTGRES_PORT, Integer.toString(postgres.getMappedPort(5432)));
        System.setProperty(AlizeInfraResource.POSTGRES_USERNAME, postgres.getUsername());
        System.setProperty(AlizeInfraResource.POSTGRES_PASSWORD, postgres.getPassword());
        System.setProperty(AlizeInfraResource.KAFKA_BOOTSTRAP, kafka.getBootstrapServers());
        return () -> {
            kafka.stop();
            postgres.stop();
        };
    }
}
