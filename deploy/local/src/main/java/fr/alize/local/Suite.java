package fr.alize.local;

import fr.alize.infra.ChildProcesses;
import fr.alize.infra.EmbeddedPostgresServer;
import fr.alize.infra.KafkaBroker;
import fr.alize.infra.Ports;
import fr.alize.infra.RsaPem;
import fr.alize.infra.SecretFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The whole suite on one machine: PostgreSQL, a Kafka broker and the four services. The broker and PostgreSQL
 * start side by side, the services once PostgreSQL is ready (their Kafka clients connect when the broker is);
 * they stop in the reverse order: services, broker, PostgreSQL. Layout of the data directory:
 * <pre>
 *   alize-local.lock   held while a launcher runs on this directory
 *   postgres/          the PostgreSQL cluster (databases needs, volunteer, matching, impact)
 *   kafka/             the broker (see KafkaBroker); with --brokers 3, broker 0 of the cluster
 *   kafka-1/, kafka-2/ brokers 1 and 2 of the cluster (--brokers 3)
 *   jwt/               the RSA key pair of local tokens (private key stays here)
 *   secrets/           employee-ref.key, volunteer-service's key of employee reference hashes (made once, kept)
 *   logs/              one log per service instance (needs-service.log, needs-service-1.log...), postgres.log
 *   run/               pids of the service instances
 * </pre>
 */
final class Suite {

    static final Duration SERVICE_STOP_TIMEOUT = Duration.ofSeconds(30);
    /** The broker's heap (KafkaBroker's default) and the services' JIT settings, for the same reason. */
    static final List<String> BROKER_JVM_OPTIONS = java.util.stream.Stream.concat(java.util.stream.Stream.of("-Xmx512m"),
            ServiceProcess.START_JIT_OPTIONS.stream()).toList();

    private final LauncherOptions options;
    private final Path home;
    private final Path data;
    /** --jvm-options, for every service's JVM; checked when the suite is made, before anything starts. */
    private final List<String> jvmOptions;
    /** The brokers' JVM options, then --jvm-options (which win over the launcher's own). */
    private final List<String> brokerJvmOptions;
    /** Held by each start step and by stop(): a stop waits for the step under way, then the next steps abort. */
    private final ReentrantLock steps = new ReentrantLock();
    private volatile boolean stopping;

    private DataDirLock lock;
    private EmbeddedPostgresServer postgres;
    private List<KafkaBroker> brokers = List.of();
    private final List<ServiceProcess> services = new ArrayList<>();
    private Map<String, Path> jars;
    private long servicesStartedAt;

    Suite(LauncherOptions options) {
        this.options = options;
        this.home = options.home();
        this.data = options.dataDir();
        this.jvmOptions = options.jvmOptions();
        this.brokerJvmOptions = java.util.stream.Stream.concat(BROKER_JVM_OPTIONS.stream(), jvmOptions.stream()).toList();
    }

    /** Thrown for a failure the user can act on; the message says what to do. */
    static final class StartFailure extends RuntimeException {
        StartFailure(String message) {
            super(message);
        }
    }

    /** Checks, then starts everything; returns once every service is ready. */
    void start(long launchedAtNanos) {
        jars = serviceJars();
        preflight();
        // What waits on nothing starts first, side by side: the broker (a JVM of its own) from the start, PostgreSQL
        // (initdb on a fresh directory) meanwhile, and the services as soon as PostgreSQL is there, without waiting for
        // the broker: a service's first seconds are its JVM's start, and its Kafka clients connect once the broker
        // answers (docs/deployment.md, "Start-up").
        Path publicKey = data.resolve("jwt").resolve(RsaPem.PUBLIC_KEY_FILE);
        Path employeeRefKey = data.resolve("secrets").resolve("employee-ref.key");
        step(() -> {
            CompletableFuture<Void> brokersReady = CompletableFuture.runAsync(this::startBrokers);
            try {
                startPostgres();
                RsaPem.loadOrCreate(data.resolve("jwt"));
                SecretFile.createIfAbsent(employeeRefKey);
                startServices(publicKey, employeeRefKey);
            } catch (RuntimeException e) {
                brokersReady.exceptionally(failure -> null).join(); // stop() must not race a broker still starting
                throw e;
            }
            join(brokersReady);
        });
        awaitServicesReady();
        Console.say("services ready in %.1f s", seconds(servicesStartedAt));
        Console.say("all ready in %.1f s", seconds(launchedAtNanos));
        for (ServiceProcess service : services) {
            Console.say("  %-20s %s   swagger-ui %s/q/swagger-ui   openapi %s/q/openapi   (pid %d, log %s)",
                    service.label(), service.baseUrl(), service.baseUrl(), service.baseUrl(), service.pid(), service.logFile);
        }
        Console.say("token for curl: java -jar %s token --role cci --data-dir %s",
                home.relativize(home.resolve("deploy/local/target/alize-local.jar")), data);
        Console.say("Ctrl-C stops everything");
    }

    private void startPostgres() {
        long t = System.nanoTime();
        postgres = EmbeddedPostgresServer.start(options.postgresPort(), data.resolve("postgres"), true,
                data.resolve("logs/postgres.log"));
        for (String service : LauncherOptions.SERVICES) {
            postgres.ensureDatabase(database(service));
        }
        Console.say("PostgreSQL ready on 127.0.0.1:%d in %.1f s (pid %s)", postgres.port(), seconds(t),
                postgres.pid().isPresent() ? Long.toString(postgres.pid().getAsLong()) : "?");
    }

    /** Prepares the brokers (their addresses are known from then on, for the services), then starts them. */
    private void startBrokers() {
        long t = System.nanoTime();
        if (options.brokers() == 1) {
            KafkaBroker broker = KafkaBroker.create(data.resolve("kafka"), options.kafkaPort(), options.kafkaControllerPort())
                    .jvmOptions(brokerJvmOptions);
            brokers = List.of(broker);
            broker.start();
            Console.say("Kafka broker ready on %s in %.1f s (pid %d)", broker.bootstrapServers(), seconds(t), broker.pid().orElse(-1));
        } else {
            List<Path> dirs = new ArrayList<>();
            List<Integer> ports = new ArrayList<>();
            List<Integer> controllerPorts = new ArrayList<>();
            for (int k = 0; k < options.brokers(); k++) {
                dirs.add(data.resolve(brokerDir(k)));
                ports.add(options.kafkaPort(k));
                controllerPorts.add(options.kafkaControllerPort(k));
            }
            brokers = KafkaBroker.createCluster(dirs, ports, controllerPorts);
            brokers.forEach(b -> b.jvmOptions(brokerJvmOptions));
            KafkaBroker.startAll(brokers);
            Console.say("Kafka cluster of %d brokers ready on %s in %.1f s (pids %s)", brokers.size(),
                    KafkaBroker.bootstrapServers(brokers), seconds(t),
                    String.join(", ", brokers.stream().map(b -> Long.toString(b.pid().orElse(-1))).toList()));
        }
    }

    private void startServices(Path publicKey, Path employeeRefKey) {
        servicesStartedAt = System.nanoTime();
        for (int k = 0; k < options.replicas(); k++) {
            for (String name : LauncherOptions.SERVICES) {
                String label = ServiceProcess.label(name, k);
                ServiceProcess service = new ServiceProcess(name, k, options.servicePort(name, k), jars.get(name),
                        data.resolve("logs").resolve(label + ".log"));
                Map<String, String> config = ServiceProcess.config(service.port, publicKey);
                if (options.brokers() > 1) {
                    config.put("alize.events.replication-factor", Short.toString(KafkaBroker.CLUSTER_REPLICATION_FACTOR));
                    config.put("alize.events.min-insync-replicas", Integer.toString(KafkaBroker.CLUSTER_MIN_INSYNC_REPLICAS));
                }
                if (name.equals("volunteer-service")) {
                    config.put("volunteer.employee-ref.key-location", employeeRefKey.toString());
                }
                service.start(options.serviceHeap(), jvmOptions, config, ServiceProcess.environment(postgres.jdbcUrl(database(name)),
                        postgres.username(), postgres.password(), options.kafkaBootstrapServers()),
                        data, data.resolve("run").resolve(label + ".pid"));
                services.add(service);
            }
        }
    }

    private static void join(CompletableFuture<Void> future) {
        try {
            future.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Stops what was started, services first, then the broker, then PostgreSQL. Idempotent. */
    void stop() {
        stopping = true;
        steps.lock();
        try {
            long t = System.nanoTime();
            boolean anything = !services.isEmpty() || !brokers.isEmpty() || postgres != null;
            if (anything) {
                Console.say("stopping...");
            }
            List<CompletableFuture<Void>> stops = new ArrayList<>();
            for (ServiceProcess service : services) {
                stops.add(CompletableFuture.runAsync(() -> {
                    if (!service.stop(SERVICE_STOP_TIMEOUT)) {
                        Console.say("%s did not stop within %d s and was killed", service.label(), SERVICE_STOP_TIMEOUT.toSeconds());
                    }
                }));
            }
            stops.forEach(CompletableFuture::join);
            services.clear();
            KafkaBroker.stopAll(brokers);
            brokers = List.of();
            if (postgres != null) {
                postgres.close();
                postgres = null;
            }
            if (lock != null) {
                lock.close();
                lock = null;
            }
            if (anything) {
                Console.say("stopped in %.1f s", seconds(t));
            }
        } finally {
            steps.unlock();
        }
    }

    // ------------------------------------------------------------------ checks

    private Map<String, Path> serviceJars() {
        Map<String, Path> jars = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String service : LauncherOptions.SERVICES) {
            Path jar = home.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
            jars.put(service, jar);
            if (!Files.isRegularFile(jar)) {
                missing.add(jar.toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new StartFailure("service jar(s) missing:\n  " + String.join("\n  ", missing)
                    + "\nBuild the suite first, from " + home + ":\n  ./mvnw -DskipTests package");
        }
        return jars;
    }

    /** Fails before anything starts when the data directory is in use or a port is taken. */
    private void preflight() {
        List<String> problems = new ArrayList<>();
        Optional<DataDirLock> acquired = DataDirLock.tryAcquire(data);
        if (acquired.isEmpty()) {
            problems.add("data directory " + data + " is in use by another launcher"
                    + DataDirLock.holder(data).map(pid -> " (pid " + pid + ")").orElse(""));
        } else {
            lock = acquired.get();
            stopLeftovers();
        }
        Map<Integer, String> ports = new LinkedHashMap<>();
        for (int k = 0; k < options.replicas(); k++) {
            for (String service : LauncherOptions.SERVICES) {
                claim(ports, options.servicePort(service, k), ServiceProcess.label(service, k) + " HTTP", problems);
            }
        }
        for (int k = 0; k < options.brokers(); k++) {
            claim(ports, options.kafkaPort(k), "Kafka broker " + k, problems);
            claim(ports, options.kafkaControllerPort(k), "Kafka controller " + k, problems);
        }
        Path first = data.resolve(brokerDir(0));
        if (Files.exists(first.resolve("data/meta.properties")) && KafkaBroker.quorumSize(first) != options.brokers()) {
            problems.add("the Kafka data in " + data + " was made with --brokers " + KafkaBroker.quorumSize(first)
                    + ", not " + options.brokers() + ": start with that, or give another --data-dir");
        }
        claim(ports, options.postgresPort(), "PostgreSQL", problems);
        ports.forEach((port, what) -> {
            if (!Ports.isFree(port)) {
                problems.add("port " + port + " (" + what + ") is already in use"
                        + Ports.describeHolder(port).map(h -> " by " + h).orElse(""));
            }
        });
        if (!problems.isEmpty()) {
            if (lock != null) {
                lock.close();
                lock = null;
            }
            throw new StartFailure("cannot start:\n  - " + String.join("\n  - ", problems)
                    + "\nStop what holds them, or choose other ports/data directory (see --help).");
        }
    }

    private static void claim(Map<Integer, String> ports, int port, String what, List<String> problems) {
        String other = ports.putIfAbsent(port, what);
        if (other != null) {
            problems.add("port " + port + " is configured for both " + other + " and " + what);
        }
    }

    /**
     * Processes a previous launcher of this directory left behind when it was killed (SIGKILL): its
     * services and PostgreSQL outlive it (the broker stops by itself when its owner dies).
     */
    private void stopLeftovers() {
        for (String service : LauncherOptions.SERVICES) {
            for (int k = 0; k <= LauncherOptions.MAX_REPLICAS; k++) {
                String label = ServiceProcess.label(service, k);
                readPid(data.resolve("run").resolve(label + ".pid")).flatMap(ProcessHandle::of)
                        .filter(h -> commandLine(h.pid()).contains(service))
                        .ifPresent(h -> {
                            Console.say("stopping %s (pid %d) left by a previous launcher", label, h.pid());
                            ChildProcesses.terminate(h, SERVICE_STOP_TIMEOUT);
                        });
            }
        }
        for (int k = 0; k < KafkaBroker.CLUSTER_SIZE; k++) {
            if (Files.exists(data.resolve(brokerDir(k)).resolve("server.properties"))) {
                KafkaBroker.attach(data.resolve(brokerDir(k))).stop();
            }
        }
        Path pgData = data.resolve("postgres");
        OptionalLong pg = EmbeddedPostgresServer.postmasterPid(pgData);
        if (pg.isPresent()) {
            ProcessHandle.of(pg.getAsLong()).filter(h -> commandLine(h.pid()).contains(pgData.toString())).ifPresent(h -> {
                Console.say("stopping PostgreSQL (pid %d) left by a previous launcher", h.pid());
                ChildProcesses.terminate(h, Duration.ofSeconds(60));
            });
        }
        try {
            Files.createDirectories(data.resolve("run"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ readiness

    private void awaitServicesReady() {
        long deadline = System.nanoTime() + options.readyTimeout().toNanos();
        List<ServiceProcess> waiting = new ArrayList<>(services);
        while (!waiting.isEmpty()) {
            if (stopping) {
                throw new StartFailure("stopped while starting");
            }
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (!service.isAlive()) {
                    throw new StartFailure(service.label() + " exited with code " + service.exitCode() + " while starting; "
                            + service.logFile + " ends with:\n" + ChildProcesses.tail(service.logFile, 40));
                }
                if (service.isReady()) {
                    waiting.remove(service);
                }
            }
            if (!waiting.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    ServiceProcess late = waiting.get(0);
                    throw new StartFailure(late.label() + " not ready after " + options.readyTimeout().toSeconds() + " s ("
                            + late.baseUrl() + "/q/health/ready); " + late.logFile + " ends with:\n" + ChildProcesses.tail(late.logFile, 40));
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250)); // between two polls
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private void step(Runnable action) {
        steps.lock();
        try {
            if (stopping) {
                throw new StartFailure("stopped while starting");
            }
            action.run();
        } finally {
            steps.unlock();
        }
    }

    /** Broker k's directory under the data directory: kafka/ for the first (the only one by default), kafka-k/ next. */
    static String brokerDir(int k) {
        return k == 0 ? "kafka" : "kafka-" + k;
    }

    /** needs-service -> needs. */
    static String database(String service) {
        return service.substring(0, service.indexOf('-'));
    }

    private static Optional<Long> readPid(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }
}
