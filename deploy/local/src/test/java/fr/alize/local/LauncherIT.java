package fr.alize.local;

import fr.alize.local.demo.Story;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged launcher end to end: the real services, PostgreSQL and Kafka, on free ports and a
 * temporary data directory, loaded with the demo story and checked through the public APIs
 * ({@link DemoStoryChecks}); then a clean stop, and a second start on the same data.
 */
class LauncherIT {

    private static final Path JAR = Path.of(System.getProperty("alize.local.jar", "target/alize-local.jar")).toAbsolutePath();
    private static final Path HOME = Path.of(System.getProperty("alize.home", "../..")).toAbsolutePath().normalize();
    private static final Pattern DEMO_LOADED = Pattern.compile("demo story loaded in [0-9.]+ s: (\\d+) calls, (\\d+) of them already made before");
    private static final List<String> DOMAIN_TOPICS = List.of("alize.needs", "alize.volunteers", "alize.missions");

    @TempDir
    Path tmp;

    private final List<Process> launchers = new ArrayList<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();

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

    /**
     * The story on the launched suite: {@code run --demo} loads it through the public APIs, every
     * figure is then checked exactly, a rebuild changes none, and a second start with {@code --demo} on the
     * same data resumes with all of it and adds nothing.
     */
    @Test
    void theDemoStoryLoadsShowsExactFiguresAndLoadsNothingTwice() throws Exception {
        for (String option : List.of("needs-port", "volunteer-port", "matching-port", "impact-port",
                "kafka-port", "kafka-controller-port", "postgres-port")) {
            ports.put(option, freePort());
        }
        Path data = tmp.resolve("data");

        // first start, with the demo story
        Path firstLog = tmp.resolve("first.log");
        Process first = launch(data, firstLog, "--demo");
        double firstReady = awaitReady(first, firstLog);
        Matcher loaded = awaitDemo(first, firstLog);
        assertEquals("0", loaded.group(2), "a fresh data directory: every call made");
        System.out.println("DEMO (first start): " + loaded.group());
        report("first start", first, data, firstReady);
        DemoStoryChecks story = DemoStoryChecks.fromLauncherOutput(Files.readString(firstLog));
        story.assertTheStory();
        story.assertNoPersonalDataInReports();

        // a rebuild changes no figure
        Map<String, String> figures = story.reportsSnapshot();
        story.rebuildImpact();
        assertEquals(figures, story.reportsSnapshot());
        long events = story.eventsRecorded();
        long records = domainRecords();

        // a second launcher on the same ports fails at once, naming them
        Path secondLog = tmp.resolve("second.log");
        Process second = launch(tmp.resolve("other-data"), secondLog);
        assertTrue(second.waitFor(60, TimeUnit.SECONDS), "second launcher ends by itself");
        String secondOutput = Files.readString(secondLog);
        assertNotEquals(0, second.exitValue(), secondOutput);
        assertTrue(secondOutput.contains("port " + ports.get("needs-port")), secondOutput);
        assertTrue(secondOutput.contains("port " + ports.get("kafka-port")), secondOutput);
        assertFalse(Files.exists(tmp.resolve("other-data/postgres")), "nothing started");

        // SIGTERM: everything stops, exit code 0
        List<ProcessHandle> children = first.descendants().toList();
        long postgres = postmasterPid(data);
        assertTrue(children.size() >= 5, "services and broker are children: " + children);
        first.destroy();
        assertTrue(first.waitFor(120, TimeUnit.SECONDS), "launcher stopped");
        assertEquals(0, first.exitValue(), Files.readString(firstLog));
        await().atMost(Duration.ofSeconds(30)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive)
                && ProcessHandle.of(postgres).map(h -> !h.isAlive()).orElse(true));
        assertFalse(Files.exists(data.resolve(DataDirLock.FILE)), "lock removed");

        // second start on the same data, with --demo again: everything is there, nothing is added
        Path againLog = tmp.resolve("again.log");
        Process again = launch(data, againLog, "--demo");
        double againReady = awaitReady(again, againLog);
        Matcher reloaded = awaitDemo(again, againLog);
        System.out.println("DEMO (restart): " + reloaded.group());
        report("restart", again, data, againReady);
        DemoStoryChecks resumed = DemoStoryChecks.fromLauncherOutput(Files.readString(againLog));
        assertEquals(story.variable("MISSION_IT"), resumed.variable("MISSION_IT"), "the same mission, found again");
        assertEquals(Story.guardedWrites(), Long.parseLong(reloaded.group(2)), "every write found made: " + reloaded.group());
        assertEquals(records, domainRecords(), "no event published twice");
        assertEquals(events, resumed.eventsRecorded(), "no event recorded twice");
        resumed.rebuildImpact(); // the second load started one: wait until it has switched over
        assertEquals(figures, resumed.reportsSnapshot());
        again.destroy();
        assertTrue(again.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, again.exitValue());
    }

    // ------------------------------------------------------------------ helpers

    private Process launch(Path data, Path log, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", JAR.toString(), "run",
                "--home", HOME.toString(), "--data-dir", data.toString(), "--ready-timeout", "300"));
        command.addAll(List.of(options));
        ports.forEach((option, port) -> command.addAll(List.of("--" + option, Integer.toString(port))));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        launchers.add(process);
        return process;
    }

    /** Waits for "all ready in N s" and returns N; fails with the launcher's output if it exits first. */
    private static double awaitReady(Process launcher, Path log) {
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
    private static Matcher awaitDemo(Process launcher, Path log) {
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
    private long domainRecords() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + ports.get("kafka-port")))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(DOMAIN_TOPICS).allTopicNames().get().forEach((topic, description) ->
                    description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(ListOffsetsResultInfo::offset).sum();
        }
    }

    /** Prints the launcher's time to all-ready and the resident memory of every process of the suite. */
    private static void report(String phase, Process launcher, Path data, double readySeconds) {
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
    private static String startupSeconds(Path log) {
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

    private static long postmasterPid(Path data) {
        return readPid(data.resolve("postgres/postmaster.pid")).orElse(-1L);
    }

    private static java.util.Optional<Long> readPid(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.findFirst().map(String::trim).map(Long::parseLong);
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static long rssMib(long pid) {
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

    private static String cmdline(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private int freePort() throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                int port = socket.getLocalPort();
                if (!ports.containsValue(port)) {
                    return port;
                }
            }
        }
    }
}
