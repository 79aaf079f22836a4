package fr.alize.testing;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Starts the real infrastructure (embedded here: no Docker engine) the way Quarkus would. */
class AlizeInfraResourceIT {

    @Test
    void startsOnceAndServesEveryDatabaseKafkaAndTheTestKey() throws Exception {
        Map<String, String> needs = start("needs");
        Map<String, String> volunteer = start("volunteer"); // a second start reuses the same servers
        assertEquals(needs.get("kafka.bootstrap.servers"), volunteer.get("kafka.bootstrap.servers"));
        assertTrue(needs.get("quarkus.datasource.jdbc.url").endsWith("/needs"));

        for (Map<String, String> config : List.of(needs, volunteer)) {
            try (Connection c = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                    config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT current_database()")) {
                assertTrue(rs.next());
                assertTrue(config.get("quarkus.datasource.jdbc.url").endsWith("/" + rs.getString(1)));
            }
        }
        assertEquals(Tokens.publicKeyPem(), java.nio.file.Files.readString(
                java.nio.file.Path.of(needs.get("mp.jwt.verify.publickey.location"))));
    }

    @Test
    void topicDataSurvivesABrokerOutage() {
        start("needs");
        assumeTrue(KafkaBrokerControl.isSupported(), "embedded broker only");
        KafkaTestTopics.createTopic("alize.test.outage", 2);
        KafkaTestTopics.produce("alize.test.outage", "need-1", "{\"type\":\"NeedPublished\"}", Map.of("ce_type", "NeedPublished"));

        KafkaBrokerControl.stop();
        assertFalse(KafkaBrokerControl.isRunning());
        assertFalse(accepts(System.getProperty(AlizeInfraResource.KAFKA_BOOTSTRAP)), "broker port closed");

        KafkaBrokerControl.start();
        List<ConsumerRecord<String, String>> records = KafkaTestTopics.readAll("alize.test.outage", 1, Duration.ofSeconds(30));
        assertEquals(1, records.size());
        assertEquals("need-1", records.get(0).key());
        assertEquals("NeedPublished", new String(records.get(0).headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8));
    }

    @Test
    void theBrokerJarsStayOffTheClasspathOfDependentModules() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("scala.Predef"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("kafka.Kafka"));
        assertFalse(System.getProperty("java.class.path").contains("scala-library"));
    }

    private static Map<String, String> start(String database) {
        AlizeInfraResource resource = new AlizeInfraResource();
        resource.init(Map.of(AlizeInfraResource.DATABASE_ARG, database));
        Map<String, String> config = resource.start();
        resource.stop(); // keeps the servers for the JVM
        return config;
    }

    private static boolean accepts(String hostPort) {
        String[] parts = hostPort.split(":");
        try (Socket socket = new Socket(parts[0], Integer.parseInt(parts[1]))) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
