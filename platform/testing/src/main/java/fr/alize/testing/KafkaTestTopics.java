package fr.alize.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Topic helpers on plain kafka-clients for tests: create a topic, produce a record, read a whole topic.
 * The static methods use the broker of {@link AlizeInfraResource} (system property
 * {@value AlizeInfraResource#KAFKA_BOOTSTRAP}); {@link #on(String)} targets any broker.
 */
public final class KafkaTestTopics {

    private final String bootstrapServers;

    private KafkaTestTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public static KafkaTestTopics on(String bootstrapServers) {
        return new KafkaTestTopics(bootstrapServers);
    }

    /** The broker started by {@link AlizeInfraResource} in this JVM. */
    public static KafkaTestTopics onTestBroker() {
        String bootstrap = System.getProperty(AlizeInfraResource.KAFKA_BOOTSTRAP);
        if (bootstrap == null) {
            throw new IllegalStateException("no test broker: " + AlizeInfraResource.KAFKA_BOOTSTRAP
                    + " is not set (is the test annotated with @QuarkusTestResource(AlizeInfraResource.class)?)");
        }
        return on(bootstrap);
    }

    public static void createTopic(String topic, int partitions) {
        onTestBroker().create(topic, partitions);
    }

    public static RecordMetadata produce(String topic, String key, String value, Map<String, String> headers) {
        return onTestBroker().send(topic, key, value, headers);
    }

    public static List<ConsumerRecord<String, String>> readAll(String topic, int expected, Duration timeout) {
        return onTestBroker().read(topic, expected, timeout);
    }

    /** Everything the topic holds right now, from offset 0 to the end of each partition, in partition order. */
    public static List<ConsumerRecord<String, String>> readAll(String topic) {
        return onTestBroker().readToEnd(topic, Duration.ofSeconds(30));
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Creates the topic (replication 1, kept forever: {@code retention.ms=-1}); an existing topic is left as it is. */
    public void create(String topic, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(Map.of("retention.ms", "-1"))))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic, e.getCause());
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topic " + topic, e);
        }
    }

    /** Sends one record and waits for the broker's acknowledgement ({@code acks=all}). */
    public RecordMetadata send(String topic, String key, String value, Map<String, String> headers) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000),
                new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, v) -> record.headers().add(new RecordHeader(name, v.getBytes(StandardCharsets.UTF_8))));
            return producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce to " + topic, e);
        }
    }

    /**
     * Reads the topic from offset 0 (all partitions, no consumer group) until {@code expected} records
     * have arrived or the timeout passed, and returns what arrived (possibly fewer, possibly more).
     */
    public List<ConsumerRecord<String, String>> read(String topic, int expected, Duration timeout) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer())) {
            long deadline = System.nanoTime() + timeout.toNanos();
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** Reads every partition from offset 0 up to its end offset as of the call. */
    public List<ConsumerRecord<String, String>> readToEnd(String topic, Duration timeout) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + timeout);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** The sum of the end offsets of the topic's partitions (0 when the topic does not exist yet). */
    public long endOffsetTotal(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringDeserializer(), new StringDeserializer())) {
            List<org.apache.kafka.common.PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                return 0;
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .collect(Collectors.toList());
            return consumer.endOffsets(partitions, Duration.ofSeconds(10)).values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
