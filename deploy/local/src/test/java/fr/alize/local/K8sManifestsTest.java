package fr.alize.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import fr.alize.infra.KafkaBroker;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed Kubernetes manifests of deploy/k8s, read as a platform team would apply them (no cluster here to apply
 * them to): every service has its Deployment and Service, two replicas, its probes, requests above its measured RSS,
 * configuration from the ConfigMap and credentials from the database's Secret; the Strimzi topics and cluster have the
 * durability the launcher gives {@code --brokers 3}; each database is a CloudNativePG cluster; no secret is in clear.
 */
class K8sManifestsTest {

    private static final Path HOME = Path.of(System.getProperty("alize.home", "../..")).toAbsolutePath().normalize();
    private static final Path K8S = HOME.resolve("deploy/k8s");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Highest resident memory measured for a service of the launched suite with -Xmx256m (docs/deployment.md). */
    private static final long MEASURED_RSS_MIB = 275;

    @Test
    void everyServiceIsADeploymentOfTwoWithProbesResourcesAndItsConfigurationFromOutside() throws IOException {
        for (String service : LauncherOptions.SERVICES) {
            Map<String, JsonNode> byKind = byKind(read(K8S.resolve("services").resolve(service + ".yml")));
            assertTrue(byKind.containsKey("Service"), service + " has a Service");
            JsonNode deployment = byKind.get("Deployment");
            assertEquals(service, deployment.at("/metadata/name").asText());
            assertEquals(2, deployment.at("/spec/replicas").asInt(), service);
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText(), service);
            assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText(), service);
            assertTrue(mebibytes(container.at("/resources/requests/memory").asText()) >= MEASURED_RSS_MIB, service);
            assertTrue(mebibytes(container.at("/resources/limits/memory").asText())
                    > mebibytes(container.at("/resources/requests/memory").asText()), service);
            assertEquals("alize-config", container.at("/envFrom/0/configMapRef/name").asText(), service);
            Map<String, JsonNode> env = new HashMap<>();
            container.path("env").forEach(e -> env.put(e.path("name").asText(), e));
            for (String variable : List.of("DB_JDBC_URL", "DB_USERNAME", "DB_PASSWORD")) {
                assertEquals(service + "-db-app", env.get(variable).at("/valueFrom/secretKeyRef/name").asText(),
                        service + " reads " + variable + " from its database's Secret");
            }
            assertFalse(env.containsKey("QUARKUS_FLYWAY_ACTIVE"), "Flyway runs in the service, as everywhere");
            assertTrue(env.get("JAVA_OPTS_APPEND").path("value").asText().contains("-XX:+ExitOnOutOfMemoryError"),
                    service + " exits on OutOfMemoryError, to be restarted, rather than live on without a thread it lost");
            Path generated = HOME.resolve(service).resolve("target/kubernetes/kubernetes.yml");
            if (Files.exists(generated)) {
                assertEquals(canonical(read(generated)), canonical(read(K8S.resolve("services").resolve(service + ".yml"))),
                        "deploy/k8s/services/" + service + ".yml is what quarkus-kubernetes generates: copy "
                                + HOME.relativize(generated) + " there");
            }
        }
    }

    @Test
    void topicsAndBrokersHaveTheDurabilityOfTheLaunchersCluster() throws IOException {
        Set<String> produced = new TreeSet<>();
        for (String service : LauncherOptions.SERVICES) {
            // the services that keep aggregates relay their events; impact-service keeps none
            Optional.ofNullable(applicationProperty(service, "alize.events.topic")).ifPresent(produced::add);
        }
        produced.add(applicationProperty("impact-service", "alize.impact.yearly.topic"));
        Set<String> declared = new TreeSet<>();
        for (JsonNode topic : read(K8S.resolve("topics.yml"))) {
            assertEquals("KafkaTopic", topic.path("kind").asText());
            String name = topic.at("/spec/topicName").asText();
            declared.add(name);
            assertEquals(KafkaBroker.CLUSTER_REPLICATION_FACTOR, topic.at("/spec/replicas").asInt(), name);
            assertEquals(KafkaBroker.CLUSTER_MIN_INSYNC_REPLICAS, topic.at("/spec/config/min.insync.replicas").asInt(), name);
            assertEquals("false", topic.at("/spec/config/unclean.leader.election.enable").asText(), name);
            if (!"compact".equals(topic.at("/spec/config/cleanup.policy").asText())) {
                assertEquals(3, topic.at("/spec/partitions").asInt(), name + ": alize.events.partitions' default");
                assertEquals(-1, topic.at("/spec/config/retention.ms").asLong(), name + " is kept forever");
                assertEquals(-1, topic.at("/spec/config/retention.bytes").asLong(), name + " is kept forever");
            }
        }
        assertEquals(produced, declared, "every topic a service writes is declared");

        Map<String, JsonNode> kafka = byKind(read(K8S.resolve("kafka.yml")));
        JsonNode pool = kafka.get("KafkaNodePool");
        assertEquals(KafkaBroker.CLUSTER_SIZE, pool.at("/spec/replicas").asInt());
        assertEquals(Set.of("controller", "broker"), Set.copyOf(YAML.convertValue(pool.at("/spec/roles"), List.class)));
        JsonNode config = kafka.get("Kafka").at("/spec/kafka/config");
        assertEquals(KafkaBroker.CLUSTER_REPLICATION_FACTOR, config.path("default.replication.factor").asInt());
        assertEquals(KafkaBroker.CLUSTER_MIN_INSYNC_REPLICAS, config.path("min.insync.replicas").asInt());
        assertEquals("false", config.path("unclean.leader.election.enable").asText());
        assertEquals("false", config.path("auto.create.topics.enable").asText());

        JsonNode settings = byKind(read(K8S.resolve("config.yml"))).get("ConfigMap").path("data");
        assertEquals(Integer.toString(KafkaBroker.CLUSTER_REPLICATION_FACTOR), settings.path("ALIZE_EVENTS_REPLICATION_FACTOR").asText());
        assertEquals(Integer.toString(KafkaBroker.CLUSTER_MIN_INSYNC_REPLICAS), settings.path("ALIZE_EVENTS_MIN_INSYNC_REPLICAS").asText());
        assertEquals("alize-kafka-bootstrap:9092", settings.path("KAFKA_BOOTSTRAP_SERVERS").asText(), "Strimzi's bootstrap Service of 'alize'");
    }

    @Test
    void eachServiceHasItsOwnDatabaseCluster() throws IOException {
        Map<String, JsonNode> clusters = new HashMap<>();
        read(K8S.resolve("databases.yml")).forEach(c -> clusters.put(c.at("/metadata/name").asText(), c));
        for (String service : LauncherOptions.SERVICES) {
            JsonNode cluster = clusters.get(service + "-db");
            assertEquals("postgresql.cnpg.io/v1", cluster.path("apiVersion").asText(), service);
            assertEquals(Suite.database(service), cluster.at("/spec/bootstrap/initdb/database").asText(), service);
            assertTrue(cluster.at("/spec/instances").asInt() >= 2, service + ": a primary and a replica");
        }
        assertEquals(LauncherOptions.SERVICES.size(), clusters.size());
    }

    @Test
    void kustomizationListsEveryFileAndNoSecretIsWrittenInClear() throws IOException {
        List<String> listed = new ArrayList<>();
        read(K8S.resolve("kustomization.yaml")).get(0).path("resources").forEach(r -> listed.add(r.asText()));
        Pattern secretName = Pattern.compile("(?i).*(password|secret|token|private|key).*");
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                assertTrue(listed.contains(K8S.relativize(file).toString()), file + " is in kustomization.yaml");
                for (JsonNode document : read(file)) {
                    assertFalse(document.path("kind").asText().equals("Secret"), file + " holds no Secret: the operators and the platform team make them");
                    document.findParents("name").forEach(variable -> {
                        if (variable.has("value") && secretName.matcher(variable.path("name").asText()).matches()) {
                            throw new AssertionError(file + ": " + variable.path("name").asText() + " is written in clear");
                        }
                    });
                }
                assertFalse(Files.readString(file).toLowerCase(java.util.Locale.ROOT).contains("password:"), file.toString());
            }
        }
    }

    private static List<JsonNode> read(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(d -> {
                if (d != null && !d.isNull() && !d.isEmpty()) {
                    documents.add(d);
                }
            });
        }
        return documents;
    }

    /** The same content whatever the order of keys and list items (quarkus-kubernetes writes them in no fixed order). */
    private static final Set<String> CHECKOUT_ANNOTATIONS = Set.of("app.quarkus.io/commit-id", "app.quarkus.io/vcs-uri");

    private static Object canonical(Object node) {
        if (node instanceof List<?> list) {
            return list.stream().map(K8sManifestsTest::canonical).sorted(java.util.Comparator.comparing(String::valueOf)).toList();
        }
        if (node instanceof JsonNode json) {
            if (json.isObject()) {
                Map<String, Object> fields = new java.util.TreeMap<>();
                // the commit and the clone's address name the checkout that built it, not the deployment
                json.fields().forEachRemaining(f -> {
                    if (!CHECKOUT_ANNOTATIONS.contains(f.getKey())) {
                        fields.put(f.getKey(), canonical(f.getValue()));
                    }
                });
                return fields;
            }
            if (json.isArray()) {
                List<JsonNode> items = new ArrayList<>();
                json.forEach(items::add);
                return canonical(items);
            }
            return json.asText();
        }
        return node;
    }

    private static Map<String, JsonNode> byKind(List<JsonNode> documents) {
        Map<String, JsonNode> byKind = new HashMap<>();
        documents.forEach(d -> byKind.put(d.path("kind").asText(), d));
        return byKind;
    }

    private static long mebibytes(String quantity) {
        if (quantity.endsWith("Gi")) {
            return Long.parseLong(quantity.substring(0, quantity.length() - 2)) * 1024;
        }
        assertTrue(quantity.endsWith("Mi"), quantity);
        return Long.parseLong(quantity.substring(0, quantity.length() - 2));
    }

    private static String applicationProperty(String service, String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(HOME.resolve(service).resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        return properties.getProperty(name);
    }
}
