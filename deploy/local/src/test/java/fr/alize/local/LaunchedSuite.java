package fr.alize.local;

import fr.alize.infra.Ports;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the launcher's end-to-end tests share: the packaged launcher started as a person would, on free ports and a
 * temporary data directory, waited for, measured, and stopped after each test.
 */
abstract class LaunchedSuite {

    static final Path JAR = Path.of(System.getProperty("alize.local.jar", "target/alize-local.jar")).toAbsolutePath();
    static final Path HOME = Path.of(System.getProperty("alize.home", "../..")).toAbsolutePath().normalize();
    static final Pattern DEMO_LOADED = Pattern.compile("demo story loaded in [0-9.]+ s: (\\d+) calls, (\\d+) of them already made before");
    static final List<String> DOMAIN_TOPICS = List.of("alize.needs", "alize.volunteers", "alize.missions");

    /** Kept when a test fails: its data directory holds every process's log. */
    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path tmp;

    final List<Process> launchers = new ArrayList<>();
    final Map<String, Integer> ports = new LinkedHashMap<>();
    /** Brokers the launched suite runs (--brokers), set by {@link #choosePorts(int, int)}. */
    int brokers = 1;

    @AfterEach
    void stopLaunchers() {
        for (Process launcher : launchers) {
            if (launcher.isAlive()) {
                launcher.destroy();
                try {
                    launcher.waitFor(90, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }


    Process launch(Path data, Path log, String... options) throws IOException {
        return launch(data, log, Map.of(), options);
    }

    /** The same, with environment variables for the launcher (which its services inherit). */
    Process launch(Path data, Path log, Map<String, String> environment, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", JAR.toString(), "run",
                "--home", HOME.toString(), "--data-dir", data.toString(), "--ready-timeout", "300"));
        command.addAll(List.of(options));
        ports.forEach((option, port) -> command.addAll(List.of("--" + option, Integer.toString(port))));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        launchers.add(process);
        return process;
    }

    /** Waits for "all ready in N s" and returns N; fails with the launcher's output if it exits first. */
    static double awaitReady(Process launcher, Path log) {
        Pattern ready = Pattern.compile("all ready in ([0-9.]+) s");
        await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!launcher.isAlive()) {
                throw new AssertionError("launcher exited with " + launcher.exitValue() + ":\n" + Files.readString(log));
            }
            return ready.matcher(Files.readString(log)).find();
        });
        try {
            Matcher m = ready.matcher(Files.readString(log));
            assertTrue(m.find());
            return Double.parseDouble(m.group(1));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Waits for the demo's "loaded" line (its variables follow it) and returns it. */
    static Matcher awaitDemo(Process launcher, Path log) {
        await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(500)).until(() -> {
            String output = Files.readString(log);
            if (!launcher.isAlive() || output.contains("demo failed")) {
                throw new AssertionError("the demo did not load:\n" + output);
            }
            return DEMO_LOADED.matcher(output).find() && output.contains("export YEAR=");
        });
        try {
            Matcher m = DEMO_LOADED.matcher(Files.readString(log));
            assertTrue(m.find());
            return m;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Records on the three domain topics, whatever their partitions. */
    long domainRecords() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(DOMAIN_TOPICS).allTopicNames().get().forEach((topic, description) ->
                    description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(ListOffsetsResultInfo::offset).sum();
        }
    }

    /** The key of every record on a topic, with the time its first record was sent (a plain consumer, no group). */
    Map<String, Long> firstSent(String topic) {
        Map<String, Long> keys = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> keys.merge(r.key(), r.timestamp(), Math::min));
            }
        }
        return keys;
    }

    /** Who holds the outbox relay's token in a service's database ({@code pid@host}); null when unclaimed or unreachable. */
    static String relayOwner(String jdbcUrl) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             PreparedStatement owner = c.prepareStatement("SELECT owner FROM token_entry WHERE processor_name = ?")) {
            owner.setString(1, "alize-event-publisher");
            try (ResultSet row = owner.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException postgresRestarting) {
            return null;
        }
    }

    /** Prints the launcher's time to all-ready and the resident memory of every process of the suite. */
    static void report(String phase, Process launcher, Path data, double readySeconds) {
        StringBuilder out = new StringBuilder("LAUNCHER METRICS (" + phase + "): all ready in " + readySeconds + " s");
        for (String service : LauncherOptions.SERVICES) {
            launcher.descendants().filter(h -> cmdline(h.pid()).contains(service + "/target/quarkus-app")).findFirst()
                    .ifPresent(h -> out.append("; ").append(service).append(" started in ")
                            .append(startupSeconds(data.resolve("logs").resolve(service + ".log")))
                            .append(" s, RSS ").append(rssMib(h.pid())).append(" MiB"));
        }
        readPid(data.resolve("kafka/kafka.pid")).ifPresent(pid -> out.append("; Kafka broker RSS ").append(rssMib(pid)).append(" MiB"));
        long postmaster = postmasterPid(data);
        long backends = ProcessHandle.of(postmaster).stream().flatMap(ProcessHandle::children).mapToLong(h -> rssMib(h.pid())).sum();
        out.append("; PostgreSQL postmaster RSS ").append(rssMib(postmaster)).append(" MiB (+ ")
                .append(backends).append(" MiB in its child processes)");
        System.out.println(out);
    }

    /** Quarkus' own "started in N s" of the last start in a service log. */
    static String startupSeconds(Path log) {
        try {
            Matcher started = Pattern.compile("started in ([0-9.]+)s").matcher(Files.readString(log));
            String last = "?";
            while (started.find()) {
                last = started.group(1);
            }
            return last;
        } catch (IOException e) {
            return "?";
        }
    }

    static long postmasterPid(Path data) {
        return readPid(data.resolve("postgres/postmaster.pid")).orElse(-1L);
    }

    static java.util.Optional<Long> readPid(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.findFirst().map(String::trim).map(Long::parseLong);
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    static long rssMib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException e) {
            // gone
        }
        return -1;
    }

    static String cmdline(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    int freePort() {
        while (true) {
            int port = Ports.freePort();
            if (!ports.containsValue(port)) {
                return port;
            }
        }
    }

    /**
     * Free ports for every port option of the launcher; each service's port leaves room for {@code replicas}
     * instances (port + 10·k free too, and used by nothing else chosen here).
     */
    void choosePorts(int replicas) {
        choosePorts(replicas, 1);
    }

    /** As {@link #choosePorts(int)}, with room for {@code brokers} brokers too (broker k on the Kafka ports + 10·k). */
    void choosePorts(int replicas, int brokers) {
        this.brokers = brokers;
        int room = Math.max(replicas, brokers);
        for (String option : List.of("needs-port", "volunteer-port", "matching-port", "impact-port",
                "kafka-port", "kafka-controller-port")) {
            int port;
            do {
                port = freePort();
            } while (isInstancePort(port, room) || !instancesFree(port, room));
            ports.put(option, port);
        }
        int postgres;
        do {
            postgres = freePort();
        } while (isInstancePort(postgres, room));
        ports.put("postgres-port", postgres);
    }

    /** Every broker's address, as the services get them. */
    String bootstrapServers() {
        List<String> servers = new ArrayList<>();
        for (int k = 0; k < brokers; k++) {
            servers.add("127.0.0.1:" + (ports.get("kafka-port") + 10 * k));
        }
        return String.join(",", servers);
    }

    /** True when a service instance chosen so far would listen on this port. */
    private boolean isInstancePort(int port, int replicas) {
        for (int taken : ports.values()) {
            for (int k = 1; k < replicas; k++) {
                if (port == taken + 10 * k) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean instancesFree(int port, int replicas) {
        for (int k = 1; k < replicas; k++) {
            int instance = port + 10 * k;
            if (instance > 65535 || ports.containsValue(instance) || !Ports.isFree(instance)) {
                return false;
            }
        }
        return true;
    }
}
