package fr.alize.local;

import fr.alize.infra.ChildProcesses;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One Quarkus service run as a child JVM ({@code java -jar quarkus-run.jar}), logging to a file. */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    /** Which instance of the service, from 0. */
    final int instance;
    final int port;
    final Path jar;
    final Path logFile;
    private Process process;

    ServiceProcess(String name, int instance, int port, Path jar, Path logFile) {
        this.name = name;
        this.instance = instance;
        this.port = port;
        this.jar = jar;
        this.logFile = logFile;
    }

    /** {@code needs-service} for instance 0, {@code needs-service-1} for instance 1...: its log and pid file names. */
    static String label(String service, int instance) {
        return instance == 0 ? service : service + "-" + instance;
    }

    String label() {
        return label(name, instance);
    }

    /** The settings a service gets from the launcher as system properties: where it listens, the JWT key. */
    static Map<String, String> config(int port, Path jwtPublicKey) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.http.host", "127.0.0.1");
        config.put("quarkus.http.port", Integer.toString(port));
        config.put("mp.jwt.verify.publickey.location", jwtPublicKey.toString());
        config.put("quarkus.log.console.color", "false");
        return config;
    }

    /**
     * Its database and brokers, in the environment variables the {@code prod} profile reads (the packaged jar has no
     * default for them; docs/deployment.md).
     */
    static Map<String, String> environment(String jdbcUrl, String username, String password, String bootstrapServers) {
        return Map.of("DB_JDBC_URL", jdbcUrl, "DB_USERNAME", username, "DB_PASSWORD", password,
                "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
    }

    /** The variables of {@link #environment}: a child gets them from its launcher only, never from the launcher's own environment. */
    static final List<String> PROD_SETTINGS = List.of("DB_JDBC_URL", "DB_USERNAME", "DB_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS");

    /**
     * JIT settings of the launcher's JVMs (services and broker). Measured on 2 cores, about 45 % of a service's CPU
     * until it is ready goes to the C2 compiler, on code that runs a few thousand times at start and rarely after.
     * Ten times HotSpot's default tier-4 thresholds leave that code in C1 (compiled, profiled) and keep C2 for what
     * stays hot: peak throughput is the same, reached after more calls (docs/deployment.md, "Start-up").
     */
    static final List<String> START_JIT_OPTIONS = List.of("-XX:Tier4InvocationThreshold=50000",
            "-XX:Tier4MinInvocationThreshold=6000", "-XX:Tier4CompileThreshold=150000", "-XX:Tier4BackEdgeThreshold=400000");

    /** Starts the service's JVM; {@code jvmOptions} come after the launcher's own (and so win over them). */
    void start(String heap, List<String> jvmOptions, Map<String, String> config, Map<String, String> environment,
               Path workDir, Path pidFile) {
        List<String> command = new ArrayList<>();
        command.add(ChildProcesses.javaExecutable());
        command.add("-Xmx" + heap);
        command.addAll(START_JIT_OPTIONS);
        command.addAll(jvmOptions);
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "---- " + java.time.Instant.now() + " starting " + name + " on port " + port + System.lineSeparator(),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(ChildProcesses.inOwnSession(command));
            builder.environment().keySet().removeAll(PROD_SETTINGS);
            builder.environment().putAll(environment);
            process = builder
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            Files.writeString(pidFile, Long.toString(process.pid()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + label(), e);
        }
    }

    /** True once {@code /q/health/ready} answers 200 with status UP. */
    boolean isReady() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    int exitCode() {
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** SIGTERM (Quarkus shuts down gracefully), wait; killed only past the timeout. */
    boolean stop(Duration timeout) {
        return process == null || ChildProcesses.terminate(process.toHandle(), timeout);
    }
}
