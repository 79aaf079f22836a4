package fr.alize.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LauncherOptionsTest {

    @Test
    void commandLineWinsOverSystemPropertyOverEnvironmentOverDefault() {
        Map<String, String> sysprops = Map.of("alize.needs-port", "7001", "alize.kafka-port", "7002");
        Map<String, String> env = Map.of("ALIZE_NEEDS_PORT", "6001", "ALIZE_KAFKA_PORT", "6002", "ALIZE_POSTGRES_PORT", "6003");
        LauncherOptions options = LauncherOptions.parse(List.of("--needs-port", "8001", "--data-dir=/tmp/alize-data"),
                sysprops::get, env::get);
        assertEquals(8001, options.servicePort("needs-service"));
        assertEquals(7002, options.kafkaPort());
        assertEquals(6003, options.postgresPort());
        assertEquals(8082, options.servicePort("volunteer-service"));
        assertEquals(9093, options.kafkaControllerPort());
        assertEquals(Path.of("/tmp/alize-data"), options.dataDir());
    }

    @Test
    void mistakesAreUsageErrors() {
        Map<String, String> none = Map.of();
        assertThrows(LauncherOptions.UsageException.class, () -> LauncherOptions.parse(List.of("--nope", "1"), none::get, none::get));
        assertThrows(LauncherOptions.UsageException.class, () -> LauncherOptions.parse(List.of("--needs-port"), none::get, none::get));
        assertThrows(LauncherOptions.UsageException.class,
                () -> LauncherOptions.parse(List.of("--needs-port", "http"), none::get, none::get).servicePort("needs-service"));
    }

    @Test
    void demoIsAFlagAlsoGivenByTheEnvironment() {
        Map<String, String> none = Map.of();
        assertFalse(LauncherOptions.parse(List.of(), none::get, none::get).demo());
        LauncherOptions options = LauncherOptions.parse(List.of("--demo", "--needs-port", "8001"), none::get, none::get);
        assertTrue(options.demo());
        assertEquals(8001, options.servicePort("needs-service"), "the option after the flag is read as usual");
        assertTrue(LauncherOptions.parse(List.of(), none::get, Map.of("ALIZE_DEMO", "true")::get).demo());
        assertThrows(LauncherOptions.UsageException.class,
                () -> LauncherOptions.parse(List.of(), none::get, Map.of("ALIZE_DEMO", "yes")::get).demo());
    }

    @Test
    void jvmOptionsAreNoneByDefaultSplitOnSpacesAndMustBeOptions() {
        Map<String, String> none = Map.of();
        assertEquals(List.of(), LauncherOptions.parse(List.of(), none::get, none::get).jvmOptions());
        assertEquals(List.of("-XX:+FlightRecorder", "-Xlog:gc"),
                LauncherOptions.parse(List.of("--jvm-options", " -XX:+FlightRecorder   -Xlog:gc "), none::get, none::get).jvmOptions());
        assertEquals(List.of("-Xss1m"), LauncherOptions.parse(List.of(), none::get, Map.of("ALIZE_JVM_OPTIONS", "-Xss1m")::get).jvmOptions());
        LauncherOptions.UsageException e = assertThrows(LauncherOptions.UsageException.class,
                () -> LauncherOptions.parse(List.of("--jvm-options", "-Xss1m gc.log"), none::get, none::get).jvmOptions());
        assertTrue(e.getMessage().contains("'gc.log'"), e.getMessage());
    }

    @Test
    void servicesUseTheirOwnDatabase() {
        assertEquals(List.of("needs", "volunteer", "matching", "impact"),
                LauncherOptions.SERVICES.stream().map(Suite::database).toList());
    }

    @Test
    void replicasStepEachServicePortByTenAndDefaultToOne() {
        Map<String, String> none = Map.of();
        LauncherOptions single = LauncherOptions.parse(List.of(), none::get, none::get);
        assertEquals(1, single.replicas());
        assertEquals(Map.of("needs-service", List.of("http://127.0.0.1:8081"), "volunteer-service", List.of("http://127.0.0.1:8082"),
                "matching-service", List.of("http://127.0.0.1:8083"), "impact-service", List.of("http://127.0.0.1:8084")),
                single.instanceUrls());
        LauncherOptions three = LauncherOptions.parse(List.of("--replicas", "3", "--matching-port", "9100"), none::get, none::get);
        assertEquals(3, three.replicas());
        assertEquals(8101, three.servicePort("needs-service", 2));
        assertEquals(List.of("http://127.0.0.1:9100", "http://127.0.0.1:9110", "http://127.0.0.1:9120"),
                three.instanceUrls().get("matching-service"));
        assertEquals(2, LauncherOptions.parse(List.of(), none::get, Map.of("ALIZE_REPLICAS", "2")::get).replicas());
        for (String wrong : List.of("0", "10", "two", "-1")) {
            assertThrows(LauncherOptions.UsageException.class,
                    () -> LauncherOptions.parse(List.of("--replicas", wrong), none::get, none::get).replicas(), wrong);
        }
        assertThrows(LauncherOptions.UsageException.class, () -> LauncherOptions.parse(
                List.of("--replicas", "2", "--impact-port", "65530"), none::get, none::get).servicePort("impact-service", 1));
    }

    @Test
    void oneBrokerByDefaultOrAClusterOfThreeOnPortsSteppedByTen() {
        Map<String, String> none = Map.of();
        LauncherOptions single = LauncherOptions.parse(List.of(), none::get, none::get);
        assertEquals(1, single.brokers());
        assertEquals("127.0.0.1:9092", single.kafkaBootstrapServers());
        assertEquals(9092, single.kafkaPort(0));
        assertEquals(9093, single.kafkaControllerPort(0));
        LauncherOptions cluster = LauncherOptions.parse(List.of("--brokers", "3", "--kafka-port", "19092"), none::get, none::get);
        assertEquals(3, cluster.brokers());
        assertEquals("127.0.0.1:19092,127.0.0.1:19102,127.0.0.1:19112", cluster.kafkaBootstrapServers());
        assertEquals(List.of(9093, 9103, 9113), List.of(cluster.kafkaControllerPort(0), cluster.kafkaControllerPort(1),
                cluster.kafkaControllerPort(2)));
        assertEquals(3, LauncherOptions.parse(List.of(), none::get, Map.of("ALIZE_BROKERS", "3")::get).brokers());
        for (String wrong : List.of("0", "2", "4", "three")) {
            assertThrows(LauncherOptions.UsageException.class,
                    () -> LauncherOptions.parse(List.of("--brokers", wrong), none::get, none::get).brokers(), wrong);
        }
        assertThrows(LauncherOptions.UsageException.class, () -> LauncherOptions.parse(
                List.of("--brokers", "3", "--kafka-port", "65530"), none::get, none::get).kafkaPort(1));
        assertEquals(List.of("kafka", "kafka-1", "kafka-2"), List.of(Suite.brokerDir(0), Suite.brokerDir(1), Suite.brokerDir(2)));
    }
}
