package fr.alize.load;

import fr.alize.infra.ChildProcesses;
import fr.alize.infra.EmbeddedPostgresServer;
import fr.alize.infra.Ports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The suite as the launcher starts it ({@code java -jar deploy/local/target/alize-local.jar run}), on free ports and
 * a fresh data directory, in its own process (so that the harness' CPU is not counted in the suite's). Stopped with
 * SIGTERM, as Ctrl-C would.
 */
final class LaunchedSuite implements AutoCloseable {

    static final List<String> SERVICES = List.of("needs-service", "volunteer-service", "matching-service", "impact-service");

    final Path dataDir;
    final Map<String, Integer> ports = new LinkedHashMap<>();
    final int postgresPort;
    private final Process launcher;

    private LaunchedSuite(Path dataDir, int postgresPort, Process launcher) {
        this.dataDir = dataDir;
        this.postgresPort = postgresPort;
        this.launcher = launcher;
    }

    static LaunchedSuite start(Path home, Path dataDir, Duration timeout) {
        Path jar = home.resolve("deploy/local/target/alize-local.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing; build the suite first: ./mvnw -DskipTests package");
        }
        List<String> command = new ArrayList<>(List.of(ChildProcesses.javaExecutable(), "-jar", jar.toString(), "run",
                "--home", home.toString(), "--data-dir", dataDir.toString()));
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String service : SERVICES) {
            ports.put(service, Ports.freePort());
            command.addAll(List.of("--" + service.substring(0, service.indexOf('-')) + "-port", ports.get(service).toString()));
        }
        int postgresPort = Ports.freePort();
        command.addAll(List.of("--kafka-port", Integer.toString(Ports.freePort()),
                "--kafka-controller-port", Integer.toString(Ports.freePort()),
                "--postgres-port", Integer.toString(postgresPort)));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the launcher", e);
        }
        LaunchedSuite suite = new LaunchedSuite(dataDir, postgresPort, process);
        suite.ports.putAll(ports);
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread output = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    System.out.println(line);
                    if (line.contains("all ready in")) {
                        ready.complete(null);
                    }
                }
            } catch (IOException e) {
                // the launcher ended
            }
            ready.completeExceptionally(new IllegalStateException("the launcher ended before the suite was ready"));
        }, "launcher-output");
        output.setDaemon(true);
        output.start();
        try {
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            suite.close();
            throw new IllegalStateException("the suite did not start: " + e.getMessage(), e);
        }
        return suite;
    }

    String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database;
    }

    /** Each process of the suite by name, with how to find its pid: the four services, PostgreSQL, the broker. */
    Map<String, LongSupplier> processes() {
        Map<String, LongSupplier> processes = new LinkedHashMap<>();
        for (String service : SERVICES) {
            processes.put(service.substring(0, service.indexOf('-')), () -> pidFile(dataDir.resolve("run").resolve(service + ".pid")));
        }
        processes.put("postgres", () -> EmbeddedPostgresServer.postmasterPid(dataDir.resolve("postgres")).orElse(-1));
        processes.put("kafka", () -> launcher.toHandle().descendants()
                .filter(h -> Ports.commandLine(h.pid()).contains("KafkaBrokerMain")).mapToLong(ProcessHandle::pid)
                .findFirst().orElse(-1));
        return processes;
    }

    private static long pidFile(Path file) {
        try {
            return Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        ChildProcesses.terminate(launcher.toHandle(), Duration.ofSeconds(90));
    }
}
