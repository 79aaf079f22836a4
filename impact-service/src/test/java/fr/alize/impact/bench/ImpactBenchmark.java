package fr.alize.impact.bench;

import fr.alize.impact.TestEvents;
import fr.alize.impact.TestEvents.Mission;
import fr.alize.impact.report.ImpactConfig;
import fr.alize.infra.ProcessCpu;
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
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import static fr.alize.impact.TestEvents.id;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Benchmarks, not tests: run with {@code ./mvnw verify -pl impact-service -am -DskipITs -Dbench=true -Dtest=ImpactBenchmark}
 * ({@code -Dbench.events=1000000}, {@code -Dbench.rate=200}, {@code -Dbench.seconds=30}, {@code -Dbench.warmup=60}).
 * Prints its figures.
 * <ol>
 *   <li>Propagation: {@code TimeLogged} events sent to {@code alize.missions} at a steady rate by a plain producer,
 *   as matching-service's relay sends them (impact-service has no event store or relay of its own; the relay's part,
 *   from a command to its effect in impact-service, is measured by the load harness, docs/load.md); impact-service's
 *   consumer records them in its event log, which every report reads. For each event: sent → on the topic (its Kafka
 *   timestamp) → committed in the event log, p50 and p99 of each part and of the whole, after a warm-up that is not
 *   counted. A plain consumer of the same topic
 *   gives the broker-and-fetch part beside it, and the machine's CPU use during the run is printed too.</li>
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
    static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmup", 60);
    static final List<String> TOPICS = List.of(TestEvents.NEEDS, TestEvents.VOLUNTEERS, TestEvents.MISSIONS);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    KafkaClientService kafka;
    @Inject
    ImpactConfig config;

    @Test
    void propagationThenRebuild() throws Exception {
        TestEvents.topicsExist();
        timeLogged(id()).send(); // checked against its schema once; the others are sent unchecked
        sendAtRate(id(), RATE * WARM_UP_SECONDS); // JIT, pools and caches warm; not counted
        propagation();
        rebuild();
    }

    static TestEvents.Event timeLogged(String smeId) {
        return TestEvents.event("TimeLogged").with("missionId", id()).with("needId", id()).with("smeId", smeId)
                .with("volunteerId", id()).with("partnerId", id()).with("entryId", id()).with("date", "2050-01-01")
                .with("hours", BigDecimal.ONE);
    }

    /** Sends {@code count} events of one SME at the rate asked, and waits until impact-service recorded them all. */
    void sendAtRate(String sme, int count) throws Exception {
        long interval = TimeUnit.SECONDS.toNanos(1) / RATE;
        long next = System.nanoTime();
        for (int i = 0; i < count; i++) {
            LockSupport.parkNanos(next - System.nanoTime()); // pacing at the rate asked, not synchronisation
            next += interval;
            timeLogged(sme).by("volunteer", id()).unchecked().sendLater();
        }
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> delays(sme, "count(*)") == count);
    }

    void propagation() throws Exception {
        String sme = id();
        int count = RATE * SECONDS;
        List<Long> fetched = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean appending = new AtomicBoolean(true);
        CountDownLatch positioned = new CountDownLatch(1);
        // a plain consumer beside impact-service's, at the end of the topic before the first append; it reads until it
        // has every record, or 30 s after the last append
        Thread reader = new Thread(() -> {
            try (KafkaConsumer<String, String> plain = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestTopics.onTestBroker().bootstrapServers()),
                    new StringDeserializer(), new StringDeserializer())) {
                List<TopicPartition> partitions = plain.partitionsFor(TestEvents.MISSIONS).stream()
                        .map(p -> new TopicPartition(TestEvents.MISSIONS, p.partition())).toList();
                plain.assign(partitions);
                plain.seekToEnd(partitions);
                partitions.forEach(plain::position);
                positioned.countDown();
                long deadline = Long.MAX_VALUE;
                while (fetched.size() < count && System.nanoTime() < deadline) {
                    if (!appending.get() && deadline == Long.MAX_VALUE) {
                        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    }
                    for (ConsumerRecord<String, String> record : plain.poll(Duration.ofMillis(100))) {
                        if (record.value().contains(sme)) {
                            fetched.add(System.currentTimeMillis() - record.timestamp());
                        }
                    }
                }
            }
        }, "bench-plain-consumer");
        reader.start();
        assertThat(positioned.await(60, TimeUnit.SECONDS)).as("the plain consumer is positioned").isTrue();
        long[] cpuBefore = cpuTicks();
        try {
            sendAtRate(sme, count);
        } finally {
            appending.set(false);
        }
        long[] cpuAfter = cpuTicks();
        reader.join();
        double busy = 100.0 * (cpuAfter[0] - cpuBefore[0]) / Math.max(1, cpuAfter[1] - cpuBefore[1]);
        System.out.printf("BENCH propagation: %d TimeLogged events sent at %d/s after %d s of warm-up; the machine's "
                + "%d cores were %.0f%% busy%n", count, RATE, WARM_UP_SECONDS, Runtime.getRuntime().availableProcessors(), busy);
        for (String[] part : new String[][]{{"sent -> on the topic (Kafka timestamp)", "recorded_at - occurred_at"},
                {"Kafka timestamp -> committed in the event log", "stored_at - recorded_at"},
                {"sent -> committed in the event log (end to end)", "stored_at - occurred_at"}}) {
            System.out.printf("BENCH propagation: %s: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", part[0],
                    delays(sme, "percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)", part[1]),
                    delays(sme, "percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)", part[1]),
                    delays(sme, "max(ms)", part[1]));
        }
        long[] plain = fetched.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("BENCH propagation: Kafka timestamp -> read by a plain consumer of the topic: p50 %d ms, p99 %d ms "
                + "(%d records)%n", plain[plain.length / 2], plain[plain.length * 99 / 100], plain.length);
    }

    /** The machine's busy and total CPU ticks since boot ({@code /proc/stat}), or zeros where there is none. */
    static long[] cpuTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new long[]{total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[]{0, 0};
        }
    }

    /** An aggregate over the delays (in ms) of one SME's events in the event log; by default, Kafka → stored. */
    double delays(String sme, String aggregate) throws Exception {
        return delays(sme, aggregate, "stored_at - recorded_at");
    }

    double delays(String sme, String aggregate, String interval) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + aggregate + " FROM (SELECT extract(epoch FROM "
                     + interval + ") * 1000 AS ms FROM impact_event_g1 WHERE data ->> 'smeId' = ?) delays")) {
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
        long postmaster = postmaster();
        double[] cpuBefore = cpuSeconds(postmaster);
        given().auth().oauth2(Tokens.cci()).when().post("/events/rebuild").then().statusCode(202);
        await().atMost(Duration.ofMinutes(60)).pollInterval(Duration.ofSeconds(2)).until(() ->
                List.of("SWITCHED", "FAILED").contains(rebuildStatus().getString("state")));
        double[] rebuildCpu = minus(cpuSeconds(postmaster), cpuBefore);
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
        int streams = config.rebuild().streams().orElse(Runtime.getRuntime().availableProcessors());
        cpuBefore = cpuSeconds(postmaster);
        double[] floor = databaseFloor(rebuild.getInt("toGeneration"), streams);
        double[] floorCpu = minus(cpuSeconds(postmaster), cpuBefore);
        double rate = read / (floor[0] + floor[1] + floor[2]);
        System.out.printf("BENCH PostgreSQL alone: the same rows loaded from memory with COPY in %.1f s, key and indexes "
                        + "built in %.1f s, %d at a time as the rebuild does, the read model's rows copied and keyed in %.1f s"
                        + " = %.0f events/s (%.0f%% of the plain consumer); the rebuild ran at %.2fx that%n",
                floor[0], floor[1], streams, floor[2], rate, 100 * rate / (plainRead / plainSeconds),
                (read / rebuildSeconds) / rate);
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("BENCH CPU seconds, PostgreSQL / this JVM: rebuild %.1f / %.1f, PostgreSQL alone %.1f / %.1f."
                        + " On %d cores, 0.8x the PostgreSQL-alone rate leaves the whole rebuild %.1f s, at most %.1f CPU"
                        + " seconds; its PostgreSQL part alone took %.1f of them%n",
                rebuildCpu[0], rebuildCpu[1], floorCpu[0], floorCpu[1], cores,
                (floor[0] + floor[1] + floor[2]) / 0.8, cores * (floor[0] + floor[1] + floor[2]) / 0.8, rebuildCpu[0]);
    }

    /** The pid of the PostgreSQL server of the tests: the parent of one of its backends. */
    long postmaster() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            return ProcessHandle.of(row.getLong(1)).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(-1L);
        }
    }

    /** CPU seconds used so far by PostgreSQL (the postmaster and its backends, live or ended) and by this JVM. */
    static double[] cpuSeconds(long postmaster) {
        return new double[]{ProcessCpu.seconds(postmaster),
                ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9};
    }

    static double[] minus(double[] after, double[] before) {
        return new double[]{after[0] - before[0], after[1] - before[1]};
    }

    /**
     * The database's share of any rebuild that stores the events in PostgreSQL: the rows of a generation, held in
     * memory, copied into an empty table by {@code streams} connections at once, then its primary key and indexes built
     * as a rebuild builds them; then the rows of its read model, copied into an empty table and keyed. Seconds of each
     * of the three steps.
     */
    double[] databaseFloor(int generation, int streams) throws Exception {
        String source = "impact_event_g" + generation;
        byte[] rows;
        List<String> indexes = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
            connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY " + source + " TO STDOUT", out);
            rows = out.toByteArray();
            try (ResultSet definitions = statement.executeQuery("SELECT pg_get_indexdef(indexrelid) FROM pg_index"
                    + " WHERE indrelid = '" + source + "'::regclass AND NOT indisprimary")) {
                while (definitions.next()) {
                    indexes.add(definitions.getString(1).replace(source, "bench_floor"));
                }
            }
            statement.execute("DROP TABLE IF EXISTS bench_floor");
            statement.execute("CREATE TABLE bench_floor (LIKE " + source + " INCLUDING DEFAULTS)");
        }
        List<Callable<Void>> copies = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= streams; i++) {
            int to = i == streams ? rows.length : Math.max(from, next(rows, rows.length / streams * i));
            int start = from;
            copies.add(() -> sql(connection -> connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY bench_floor FROM STDIN", new ByteArrayInputStream(rows, start, to - start))));
            from = to;
        }
        List<Callable<Void>> builds = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            int share = i;
            builds.add(() -> sql(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET maintenance_work_mem = '" + config.rebuild().indexMemory() + "'");
                    for (int j = share; j < indexes.size(); j += streams) {
                        statement.execute(indexes.get(j));
                    }
                    statement.execute("RESET maintenance_work_mem");
                }
            }));
        }
        ExecutorService pool = Executors.newFixedThreadPool(streams);
        try {
            long start = System.nanoTime();
            for (Future<Void> copy : pool.invokeAll(copies)) {
                copy.get();
            }
            long copied = System.nanoTime();
            sql(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET maintenance_work_mem = '" + config.rebuild().indexMemory() + "'");
                    statement.execute("ALTER TABLE bench_floor ADD PRIMARY KEY (event_id)");
                    statement.execute("RESET maintenance_work_mem");
                }
            });
            for (Future<Void> build : pool.invokeAll(builds)) {
                build.get();
            }
            long indexed = System.nanoTime();
            sql(connection -> connection.createStatement().execute("DROP TABLE bench_floor"));
            return new double[]{(copied - start) / 1e9, (indexed - copied) / 1e9, readModelFloor(generation)};
        } finally {
            pool.shutdownNow();
        }
    }

    /** Seconds to COPY the read model's rows of a generation, held in memory, into an empty table and key it. */
    double readModelFloor(int generation) throws Exception {
        String source = "impact_figure_g" + generation;
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        sql(connection -> {
            connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY " + source + " TO STDOUT", out);
            connection.createStatement().execute("DROP TABLE IF EXISTS bench_floor_figures");
            connection.createStatement().execute("CREATE TABLE bench_floor_figures (LIKE " + source + " INCLUDING DEFAULTS)");
        });
        byte[] rows = out.toByteArray();
        long start = System.nanoTime();
        sql(connection -> {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_floor_figures FROM STDIN",
                    new ByteArrayInputStream(rows));
            connection.createStatement().execute("ALTER TABLE bench_floor_figures ADD PRIMARY KEY (figure, year, key, recorded_at)");
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        sql(connection -> connection.createStatement().execute("DROP TABLE bench_floor_figures"));
        return seconds;
    }

    /** The index just after the end of the line that {@code index} falls in. */
    static int next(byte[] rows, int index) {
        int i = index;
        while (i > 0 && i < rows.length && rows[i - 1] != '\n') {
            i++;
        }
        return i;
    }

    interface SqlWork {
        void run(Connection connection) throws Exception;
    }

    Void sql(SqlWork work) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            work.run(connection);
        }
        return null;
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
                if (kind[1].equals("MissionStarted")) { // each mission of its own SME, as a programme has them
                    value = value.replaceFirst("\"smeId\":\"[^\"]+\"", "\"smeId\":\"" + UUID.randomUUID() + "\"");
                }
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
