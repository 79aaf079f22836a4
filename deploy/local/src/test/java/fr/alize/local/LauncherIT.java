package fr.alize.local;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * temporary data directory; a need is published, counted by impact-service, and still counted after a
 * stop and a second start on the same data.
 */
class LauncherIT {

    private static final Path JAR = Path.of(System.getProperty("alize.local.jar", "target/alize-local.jar")).toAbsolutePath();
    private static final Path HOME = Path.of(System.getProperty("alize.home", "../..")).toAbsolutePath().normalize();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern PUBLISHED_NEEDS = Pattern.compile("\"publishedNeeds\"\\s*:\\s*(\\d+)");
    private static final String SME = "3f0b6a52-6f1e-4c38-9d2a-0d1c2b3a4e5f";
    private static final String SME_APPLICATION = """
            {"smeId":"%s","siret":"73282932000074","name":"Fleurs du Hainaut","nafCode":"47.76Z",\
            "communeCode":"59606","headcount":17,"hiringPlanJobs":3,\
            "contact":{"name":"Claire Martin","email":"claire@fleurs-hainaut.example"}}""".formatted(SME);
    private static final String APPROVAL = """
            {"decision":"APPROVED","reason":"Credible hiring plan"}""";
    private static final String NEED = """
            {"smeId":"%s","category":"IT_REQUIREMENTS","title":"IT requirements for the new shop software",\
            "description":"Write the requirements spec","skills":[{"skillId":"it-requirements","level":3}],\
            "effortDays":5,"windowStart":"%s","windowEnd":"%s"}""".formatted(SME,
            java.time.LocalDate.now().plusDays(7), java.time.LocalDate.now().plusMonths(3));

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

    @Test
    void theSuiteStartsServesStopsCleanlyAndResumesWithItsData() throws Exception {
        for (String option : List.of("needs-port", "volunteer-port", "matching-port", "impact-port",
                "kafka-port", "kafka-controller-port", "postgres-port")) {
            ports.put(option, freePort());
        }
        Path data = tmp.resolve("data");

        // first start
        Process first = launch(data, tmp.resolve("first.log"));
        double firstReady = awaitReady(first, tmp.resolve("first.log"));
        String token = token(data);
        // needs-service publishes needs of approved SMEs only: enrol the SME, approve it, then publish
        HttpResponse<String> enrolled = postToNeeds("/smes", token, SME_APPLICATION);
        assertEquals(201, enrolled.statusCode(), enrolled.body());
        HttpResponse<String> approved = postToNeeds("/smes/" + SME + "/decision", token, APPROVAL);
        assertEquals(204, approved.statusCode(), approved.body());
        HttpResponse<String> created = postToNeeds("/needs", token, NEED);
        assertEquals(201, created.statusCode(), created.body());
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> publishedNeeds(token) == 1);
        report("first start", first, data, firstReady);

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
        assertEquals(0, first.exitValue(), Files.readString(tmp.resolve("first.log")));
        await().atMost(Duration.ofSeconds(30)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive)
                && ProcessHandle.of(postgres).map(h -> !h.isAlive()).orElse(true));
        assertFalse(Files.exists(data.resolve(DataDirLock.FILE)), "lock removed");

        // second start on the same data: the need is still counted
        Process again = launch(data, tmp.resolve("again.log"));
        double againReady = awaitReady(again, tmp.resolve("again.log"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> publishedNeeds(token) >= 1);
        assertEquals(1, publishedNeeds(token));
        report("restart", again, data, againReady);
        again.destroy();
        assertTrue(again.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, again.exitValue());
    }

    // ------------------------------------------------------------------ helpers

    private Process launch(Path data, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", JAR.toString(), "run",
                "--home", HOME.toString(), "--data-dir", data.toString(), "--ready-timeout", "300"));
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

    private static String token(Path data) throws Exception {
        Process token = new ProcessBuilder(javaExecutable(), "-jar", JAR.toString(), "token", "--role", "cci",
                "--data-dir", data.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String jwt = new String(token.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        assertTrue(token.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, token.exitValue());
        assertEquals(3, jwt.split("\\.").length, jwt);
        return jwt;
    }

    private HttpResponse<String> postToNeeds(String path, String token, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url("needs-port", path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private int publishedNeeds(String token) throws Exception {
        HttpResponse<String> stats = HTTP.send(HttpRequest.newBuilder(url("impact-port", "/stats/needs"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (stats.statusCode() != 200) {
            return -1;
        }
        Matcher m = PUBLISHED_NEEDS.matcher(stats.body());
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
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

    private URI url(String portOption, String path) {
        return URI.create("http://127.0.0.1:" + ports.get(portOption) + path);
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
