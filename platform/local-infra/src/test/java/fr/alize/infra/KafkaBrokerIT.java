package fr.alize.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaBrokerIT {

    @Test
    void brokerRestartsOnTheSamePortAndKeepsTopicData(@TempDir Path dir) throws Exception {
        KafkaBroker broker = KafkaBroker.create(dir, 0, 0);
        try {
            long begin = System.nanoTime();
            broker.start();
            long pid = broker.pid().orElseThrow();
            System.out.printf("broker ready in %d ms, RSS %d MiB%n", (System.nanoTime() - begin) / 1_000_000,
                    ChildProcesses.residentKib(pid) / 1024);
            assertTrue(Files.size(broker.logFile()) > 0, "the broker logs to its file");
            assertThrows(IllegalStateException.class, broker::start, "already running");

            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1)
                        .configs(Map.of("retention.ms", "-1")))).all().get();
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    "bootstrap.servers", broker.bootstrapServers(), "acks", "all"),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("kept", "k1", "v1")).get();
            }

            // stop and restart through another handle on the directory, as another classloader would
            KafkaBroker.attach(dir).stop();
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "broker process exited");
            assertFalse(broker.isRunning());
            assertFalse(Files.exists(dir.resolve("kafka.pid")));

            KafkaBroker again = KafkaBroker.attach(dir).start();
            assertEquals(broker.port(), again.port());
            assertEquals(List.of("v1"), readAll(again.bootstrapServers(), "kept", 1));
        } finally {
            broker.stop();
        }
    }

    @Test
    void startFailsAtOnceWhenThePortIsTaken(@TempDir Path dir) throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            KafkaBroker broker = KafkaBroker.create(dir, taken.getLocalPort(), 0);
            IllegalStateException e = assertThrows(IllegalStateException.class, broker::start);
            assertTrue(e.getMessage().contains("port " + taken.getLocalPort()), e.getMessage());
            assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
            assertFalse(broker.isRunning());
        }
    }

    @Test
    void threeBrokersFormOneClusterThatKeepsWritingWithOneOfThemDown(@TempDir Path dir) throws Exception {
        List<Path> dirs = List.of(dir.resolve("kafka"), dir.resolve("kafka-1"), dir.resolve("kafka-2"));
        List<Integer> ports = new ArrayList<>();
        List<Integer> controllers = new ArrayList<>();
        while (ports.size() < 3) {
            int port = Ports.freePort();
            int controller = Ports.freePort();
            if (port != controller && !ports.contains(port) && !controllers.contains(port)
                    && !ports.contains(controller) && !controllers.contains(controller)) {
                ports.add(port);
                controllers.add(controller);
            }
        }
        List<KafkaBroker> brokers = KafkaBroker.createCluster(dirs, ports, controllers).stream()
                .map(b -> b.jvmOptions(List.of("-Xmx256m"))).toList();
        String bootstrap = KafkaBroker.bootstrapServers(brokers);
        try {
            long begin = System.nanoTime();
            KafkaBroker.startAll(brokers);
            System.out.printf("3-broker cluster ready in %d ms%n", (System.nanoTime() - begin) / 1_000_000);
            assertEquals(3, KafkaBroker.quorumSize(dirs.get(0)));
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                assertEquals(3, admin.describeCluster().nodes().get().size());
                admin.createTopics(List.of(new NewTopic("replicated", 2, (short) -1))).all().get();
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> admin.describeTopics(List.of("replicated"))
                        .allTopicNames().get().get("replicated").partitions()
                        .forEach(p -> assertEquals(3, p.isr().size(), "broker default: 3 in-sync replicas " + p)));
                var topicConfig = admin.describeConfigs(List.of(new org.apache.kafka.common.config.ConfigResource(
                        org.apache.kafka.common.config.ConfigResource.Type.TOPIC, "replicated"))).all().get().values().iterator().next();
                assertEquals("2", topicConfig.get("min.insync.replicas").value());
                assertEquals("false", topicConfig.get("unclean.leader.election.enable").value());
            }
            brokers.get(2).stop();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    "bootstrap.servers", bootstrap, "acks", "all", "enable.idempotence", "true", "delivery.timeout.ms", "60000"),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("replicated", 0, "k1", "v1")).get();
            }
            assertEquals(List.of("v1"), readAll(bootstrap, "replicated", 1));
        } finally {
            KafkaBroker.stopAll(brokers);
        }
    }

    private static List<String> readAll(String bootstrap, String topic, int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap),
                new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(Set.of(partition));
            consumer.seekToBeginning(Set.of(partition));
            List<String> values = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
                return values.size() >= expected;
            });
            return values;
        }
    }
}
