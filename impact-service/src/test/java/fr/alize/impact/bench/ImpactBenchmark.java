package fr.alize.impact.bench;

import fr.alize.impact.TestEvents;
import fr.alize.impact.TestEvents.Mission;
import fr.alize.platform.axon.AxonRuntime;
import fr.alize.platform.events.CloudEventHeaders;
import fr.alize.platform.events.EventEnvelope;
import fr.alize.testing.EventContracts;
import fr.alize.testing.KafkaTestTopics;
import fr.alize.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.GenericEventMessage;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static fr.alize.impact.TestEvents.id;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Benchmarks, not tests: run with {@code ./mvnw verify -pl impact-service -Dbench=true -Dtest=ImpactBenchmark}
 * ({@code -Dbench.events=1000000}, {@code -Dbench.rate=200}, {@code -Dbench.seconds=30}). Prints its figures.
 * <ol>
 *   <li>Propagation: records produced at a steady rate; for each, the time from its Kafka timestamp (set when sent)
 *   to its commit in the event log (when reports can see it), p50 and p99.</li>
 *   <li>Rebuild: N events on the three topics (live consumers paused, so that only the rebuild works), read by a
 *   plain Kafka consumer, then rebuilt from offset zero; events per second of each.</li>
 * </ol>
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class ImpactBenchmark {

    static final int EVENTS = Integer.getInteger("bench.events", 1_000_000);
    static final int RATE = Integer.getInteger("bench.rate", 200);
    static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    static final List<String> TOPICS = List.of(TestEvents.NEEDS, TestEvents.VOLUNTEERS, TestEvents.MISSIONS);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    KafkaClientService kafka;

    @Inject
    AxonRuntime axon;

    @Test
    void propagationThenRebuild() throws Exception {
        TestEvents.topicsExist();
        outbox();
        propagation();
        rebuild();
    }

    /** An event of impact-service's own event store, only for measuring the outbox relay. */
    public record BenchPing(String pingId) {
    }

    /**
     * The producer half of the path: events appended to this service's event store (as a command handler's would
     * be) at the rate asked; the platform's outbox relay sends them to {@code alize.impact}. For each: append (the
     * event's time) to the relay's send (the Kafka timestamp) and to a plain consumer's receipt.
     */
    void outbox() throws Exception {
        String topic = ConfigProvider.getConfig().getValue("alize.events.topic", String.class);
        int count = RATE * SECONDS;
        List<double[]> delays = Collections.synchronizedList(new ArrayList<>());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestTopics.onTestBroker().bootstrapServers()),
                new StringDeserializer(), new StringDeserializer())) {
            axon.eventStore().publish(GenericEventMessage.asEventMessage(new BenchPing("warm-up")));
            await().atMost(Duration.ofSeconds(60)).until(() -> !consumer.partitionsFor(topic).isEmpty());
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            Thread appender = new Thread(() -> {
                long interval = TimeUnit.SECONDS.toNanos(1) / RATE;
                long next = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    LockSupport.parkNanos(next - System.nanoTime()); // pacing at the rate asked, not synchronisation
                    next += interval;
                    axon.eventStore().publish(GenericEventMessage.asEventMessage(new BenchPing(id())));
                }
            }, "bench-outbox-appender");
            appender.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS + 120L);
            while (delays.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    long received = System.currentTimeMillis();
                    String type = EventEnvelope.header(record, CloudEventHeaders.TYPE);
                    if ("BenchPing".equals(type) && !record.value().contains("warm-up")) {
                        double appended = Instant.parse(EventEnvelope.header(record, CloudEventHeaders.TIME)).toEpochMilli();
                        delays.add(new double[]{record.timestamp() - appended, received - appended});
                    }
                }
            }
            appender.join();
        }
        System.out.printf("BENCH outbox: %d events appended at %d/s to the event store; append -> relay send (Kafka "
                        + "timestamp): p50 %.1f ms, p99 %.1f ms; append -> read by a plain consumer: p50 %.1f ms, p99 %.1f ms%n",
                delays.size(), RATE, percentile(delays, 0, 50), percentile(delays, 0, 99), percentile(delays, 1, 50),
                percentile(delays, 1, 99));
    }

    static double percentile(List<double[]> samples, int column, int percent) {
        double[] sorted = samples.stream().mapToDouble(s -> s[column]).sorted().toArray();
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)];
    }

    void propagation() throws Exception {
        String sme = id();
        Mission mission = Mission.of(sme, id());
        int count = RATE * SECONDS;
        long interval = TimeUnit.SECONDS.toNanos(1) / RATE;
        long next = System.nanoTime();
        // beside impact-service's consumer, a plain one on the same topic: the broker and fetch part of the delay
        List<double[]> fetched = Collections.synchronizedList(new ArrayList<>());
        Thread plain = new Thread(() -> fetchDelays(TestEvents.MISSIONS, sme, count, fetched), "bench-plain-consumer");
        plain.start();
        for (int i = 0; i < count; i++) {
            LockSupport.parkNanos(next - System.nanoTime()); // pacing at the rate asked, not synchronisation
            next += interval;
            mission.logged(id(), "2050-01-01", 1, null).sendLater();
        }
        TestEvents.flush();
        await().atMost(Duration.ofMinutes(5)).until(() -> latency(sme, "count(*)") == count);
        plain.join();
        System.out.printf("BENCH propagation: Kafka timestamp -> read by a plain consumer of the same topic: p50 %.1f ms, "
                + "p99 %.1f ms%n", percentile(fetched, 0, 50), percentile(fetched, 0, 99));
        System.out.printf("BENCH propagation: %d records at %d/s; Kafka timestamp -> committed in the event log: "
                        + "p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", count, RATE,
                latency(sme, "percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)"),
                latency(sme, "percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)"), latency(sme, "max(ms)"));
    }

    /** Kafka timestamp to receipt, for the records of one SME, read by a plain consumer from the topic's end. */
    static void fetchDelays(String topic, String sme, int count, List<double[]> delays) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestTopics.onTestBroker().bootstrapServers()),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS + 120L);
            while (delays.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    if (record.value().contains(sme)) {
                        delays.add(new double[]{System.currentTimeMillis() - record.timestamp()});
                    }
                }
            }
        }
    }

    double latency(String sme, String aggregate) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + aggregate + " FROM (SELECT extract(epoch FROM "
                     + "stored_at - recorded_at) * 1000 AS ms FROM impact_event_g1 WHERE data ->> 'smeId' = ?) latencies")) {
            select.setString(1, sme);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getDouble(1);
            }
        }
    }

    void rebuild() throws Exception {
        for (String channel : List.of("needs-events", "volunteers-events", "missions-events")) {
            kafka.getConsumer(channel).pause().await().atMost(Duration.ofSeconds(30));
        }
        long logBefore = status().getLong("events");
        long produceStart = System.nanoTime();
        produce(EVENTS);
        double produceSeconds = (System.nanoTime() - produceStart) / 1e9;
        System.out.printf("BENCH produced %d events in %.1f s%n", EVENTS, produceSeconds);

        long plainStart = System.nanoTime();
        long plainRead = plainRead();
        double plainSeconds = (System.nanoTime() - plainStart) / 1e9;

        long logAtRebuild = status().getLong("events");
        given().auth().oauth2(Tokens.cci()).when().post("/events/rebuild").then().statusCode(202);
        await().atMost(Duration.ofMinutes(60)).pollInterval(Duration.ofSeconds(2)).until(() ->
                List.of("SWITCHED", "FAILED").contains(rebuildStatus().getString("state")));
        JsonPath rebuild = rebuildStatus();
        assertThat(rebuild.getString("state")).isEqualTo("SWITCHED");
        double rebuildSeconds = Duration.between(Instant.parse(rebuild.getString("startedAt")),
                Instant.parse(rebuild.getString("finishedAt"))).toMillis() / 1000.0;
        long read = rebuild.getLong("read");
        System.out.printf("BENCH plain Kafka consumer: %d records in %.1f s = %.0f records/s%n", plainRead, plainSeconds,
                plainRead / plainSeconds);
        System.out.printf("BENCH rebuild: %d records (%d events stored) in %.1f s = %.0f events/s (%.0f%% of the plain consumer)%n",
                read, rebuild.getLong("stored"), rebuildSeconds, read / rebuildSeconds,
                100 * (read / rebuildSeconds) / (plainRead / plainSeconds));
        System.out.printf("BENCH live consumers paused: the log held %d events before the load and %d when the rebuild began%n",
                logBefore, logAtRebuild);
    }

    static JsonPath status() {
        return given().auth().oauth2(Tokens.cci()).when().get("/events/status").then().statusCode(200).extract().jsonPath();
    }

    static JsonPath rebuildStatus() {
        return given().auth().oauth2(Tokens.cci()).when().get("/events/rebuild").then().statusCode(200).extract().jsonPath();
    }

    /** Events of documented shapes (one example each, checked once), fresh ids, spread over the three topics. */
    static void produce(int events) {
        String started = Mission.of(id(), id()).started("2051-03-01").json();
        String logged = Mission.of(id(), id()).logged(id(), "2051-03-02", 3.5, null).json();
        String jobs = TestEvents.event("JobsReported").with("date", "2051-04-01").json();
        String pledge = TestEvents.event("PartnerPledgeSet").with("year", 2051).json();
        for (String[] checked : new String[][]{{"MissionStarted", started}, {"TimeLogged", logged},
                {"JobsReported", jobs}, {"PartnerPledgeSet", pledge}}) {
            assertThat(EventContracts.validate(checked[0], checked[1])).isEmpty();
        }
        String[][] kinds = {{TestEvents.MISSIONS, "TimeLogged", logged, "missionId"},
                {TestEvents.MISSIONS, "MissionStarted", started, "missionId"},
                {TestEvents.NEEDS, "JobsReported", jobs, "smeId"},
                {TestEvents.VOLUNTEERS, "PartnerPledgeSet", pledge, "partnerId"}};
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestTopics.onTestBroker().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new StringSerializer(), new StringSerializer())) {
            String time = Instant.now().toString();
            for (int i = 0; i < events; i++) {
                String[] kind = kinds[i % 10 < 7 ? 0 : i % 10 - 7 + 1];
                String key = UUID.randomUUID().toString();
                String value = kind[2].replaceFirst("\"" + kind[3] + "\":\"[^\"]+\"", "\"" + kind[3] + "\":\"" + key + "\"");
                ProducerRecord<String, String> record = new ProducerRecord<>(kind[0], key, value);
                for (String[] header : new String[][]{{"ce_specversion", "1.0"}, {"ce_id", UUID.randomUUID().toString()},
                        {"ce_type", kind[1]}, {"ce_source", "/alize/bench"}, {"ce_subject", key}, {"ce_time", time},
                        {"ce_schemaversion", "1"}, {"content-type", "application/json"}}) {
                    record.headers().add(header[0], header[1].getBytes(StandardCharsets.UTF_8));
                }
                producer.send(record);
            }
            producer.flush();
        }
    }

    /** A plain consumer (no group) reading the three topics from offset zero to their end, decoding each record. */
    static long plainRead() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestTopics.onTestBroker().bootstrapServers(),
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            TOPICS.forEach(t -> consumer.partitionsFor(t).forEach(p -> partitions.add(new TopicPartition(t, p.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            end.entrySet().removeIf(e -> e.getValue() == 0);
            long read = 0;
            while (!end.isEmpty()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    read += record.value().length() > 0 ? 1 : 0;
                }
                end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
            return read;
        }
    }
}
