package fr.alize.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Kafka broker (KRaft, broker and controller in one node) running in a child JVM, listening on
 * 127.0.0.1: alone ({@link #create}), or as one of the {@value #CLUSTER_SIZE} nodes of a cluster
 * ({@link #createCluster}), each node a broker and a voter of the controller quorum.
 *
 * <p>Everything needed to run it lives in its directory, so that any classloader or process can stop
 * and start it again with {@link #attach(Path)}:
 * <pre>
 *   server.properties   broker configuration (ports, log dir)
 *   log4j2.properties   logging configuration (to logs/server.log)
 *   broker.classpath    the broker's jars, one a line (resolved when alize-local-infra was built)
 *   bootstrap/          KafkaBrokerMain.class, the child's entry point
 *   kafka.pid           pid of the running broker
 *   data/               the log directory (formatted once; a restart resumes with its data)
 *   logs/               server.log, console.log (stdout/stderr of the JVM)
 * </pre>
 * Stopping sends SIGTERM and waits for the broker's clean shutdown; it is killed only when that takes
 * longer than the stop timeout.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(KafkaBroker.class.getName());
    private static final List<String> CLASSPATH_RESOURCES =
            List.of("kafka-broker-runtime.classpath", "kafka-broker-provided.classpath");
    private static final String MAIN_CLASS = "fr.alize.infra.KafkaBrokerMain";
    private static final Pattern LISTENER = Pattern.compile("(\\w+)://[^:,]*:(\\d+)");

    /** Topics' replication factor on a cluster of {@value #CLUSTER_SIZE} brokers (1 on a single one). */
    public static final short CLUSTER_REPLICATION_FACTOR = 3;
    /** Replicas that must hold a record before a producer with {@code acks=all} is answered, on a cluster. */
    public static final int CLUSTER_MIN_INSYNC_REPLICAS = 2;
    /** The brokers of a cluster, each also a voter of the 3-voter controller quorum. */
    public static final int CLUSTER_SIZE = 3;

    private final Path dir;
    private final int port;
    private final int controllerPort;
    /** This node's id, and the controller port of every voter by node id (one voter, itself, on a single broker). */
    private final int nodeId;
    private final Map<Integer, Integer> voters;
    private volatile Duration startupTimeout = Duration.ofSeconds(120);
    private volatile Duration stopTimeout = Duration.ofSeconds(60);
    private volatile List<String> jvmOptions = List.of("-Xmx512m");

    private KafkaBroker(Path dir, int port, int controllerPort, int nodeId, Map<Integer, Integer> voters) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.nodeId = nodeId;
        this.voters = voters;
    }

    /**
     * Prepares a broker in {@code dir} (not started). A port of 0 keeps the one of an existing
     * server.properties in that directory, or else takes a free one.
     */
    public static KafkaBroker create(Path dir, int port, int controllerPort) {
        return create(dir, port, controllerPort, 1, null);
    }

    /**
     * Prepares the {@value #CLUSTER_SIZE} brokers of one KRaft cluster (not started), broker k in {@code dirs.get(k)}
     * on {@code ports.get(k)} and {@code controllerPorts.get(k)} (no 0 here: every node names all voters). Each is
     * broker and controller; topics get {@value #CLUSTER_REPLICATION_FACTOR} replicas by default, and a write with
     * {@code acks=all} needs {@value #CLUSTER_MIN_INSYNC_REPLICAS} of them. Start them with {@link #startAll(List)}.
     */
    public static List<KafkaBroker> createCluster(List<Path> dirs, List<Integer> ports, List<Integer> controllerPorts) {
        if (dirs.size() != CLUSTER_SIZE || ports.size() != CLUSTER_SIZE || controllerPorts.size() != CLUSTER_SIZE) {
            throw new IllegalArgumentException("a cluster has " + CLUSTER_SIZE + " brokers");
        }
        Map<Integer, Integer> voters = new java.util.TreeMap<>();
        for (int k = 0; k < CLUSTER_SIZE; k++) {
            voters.put(k + 1, controllerPorts.get(k));
        }
        List<KafkaBroker> brokers = new ArrayList<>();
        for (int k = 0; k < CLUSTER_SIZE; k++) {
            brokers.add(create(dirs.get(k), ports.get(k), controllerPorts.get(k), k + 1, Map.copyOf(voters)));
        }
        return List.copyOf(brokers);
    }

    /**
     * Starts the brokers of one cluster together (a quorum needs most of its voters before any broker is ready),
     * formatting their log directories with one cluster id the first time; returns once each is in the cluster.
     */
    public static void startAll(List<KafkaBroker> brokers) {
        String clusterId = brokers.stream().map(KafkaBroker::formattedClusterId).flatMap(java.util.Optional::stream)
                .findFirst().orElseGet(() -> Uuid.randomUuid().toString());
        List<Process> processes = new ArrayList<>();
        try {
            brokers.forEach(KafkaBroker::checkPortsFree);
            allAtOnce(brokers, b -> b.formatIfNeeded(clusterId)); // each format is a JVM of its own
            for (KafkaBroker broker : brokers) {
                processes.add(broker.launch());
            }
            for (int k = 0; k < brokers.size(); k++) {
                brokers.get(k).awaitReady(processes.get(k));
            }
        } catch (RuntimeException e) {
            brokers.forEach(KafkaBroker::stop);
            throw e;
        }
    }

    /** Stops brokers of one cluster together (one by one, the last would wait for a quorum that is gone). */
    public static void stopAll(List<KafkaBroker> brokers) {
        allAtOnce(brokers, KafkaBroker::stop);
    }

    private static void allAtOnce(List<KafkaBroker> brokers, java.util.function.Consumer<KafkaBroker> action) {
        try {
            brokers.stream().map(b -> java.util.concurrent.CompletableFuture.runAsync(() -> action.accept(b))).toList()
                    .forEach(java.util.concurrent.CompletableFuture::join);
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static KafkaBroker create(Path dir, int port, int controllerPort, int nodeId, Map<Integer, Integer> voters) {
        Path home = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(home.resolve("data"));
            Files.createDirectories(home.resolve("logs"));
            Map<String, Integer> existing = Files.exists(home.resolve("server.properties")) ? listenerPorts(home) : Map.of();
            int brokerPort = port != 0 ? port : existing.getOrDefault("PLAINTEXT", 0);
            int ctrlPort = controllerPort != 0 ? controllerPort : existing.getOrDefault("CONTROLLER", 0);
            if (brokerPort == 0) {
                brokerPort = Ports.freePort();
            }
            while (ctrlPort == 0 || ctrlPort == brokerPort) {
                ctrlPort = Ports.freePort();
            }
            KafkaBroker broker = new KafkaBroker(home, brokerPort, ctrlPort, nodeId, voters == null ? Map.of(nodeId, ctrlPort) : voters);
            broker.writeServerProperties();
            broker.writeLoggingConfig();
            broker.writeClasspath();
            broker.writeBootstrapClass();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Kafka broker in " + home, e);
        }
    }

    /** A broker prepared earlier (by any classloader or process) in {@code dir}, running or not. */
    public static KafkaBroker attach(Path dir) {
        Path home = dir.toAbsolutePath().normalize();
        if (!Files.exists(home.resolve("server.properties")) || !Files.exists(home.resolve("broker.classpath"))) {
            throw new IllegalArgumentException("no Kafka broker was prepared in " + home);
        }
        Map<String, Integer> ports = listenerPorts(home);
        return new KafkaBroker(home, ports.get("PLAINTEXT"), ports.get("CONTROLLER"), 0, Map.of());
    }

    /** Overrides the JVM options of the broker (default {@code -Xmx512m}). */
    public KafkaBroker jvmOptions(List<String> options) {
        this.jvmOptions = List.copyOf(options);
        return this;
    }

    public KafkaBroker startupTimeout(Duration timeout) {
        this.startupTimeout = timeout;
        return this;
    }

    public KafkaBroker stopTimeout(Duration timeout) {
        this.stopTimeout = timeout;
        return this;
    }

    /**
     * Formats the log directory if it never was, starts the broker and returns once an admin client
     * sees it in the cluster.
     *
     * @throws IllegalStateException when it is already running, a port is taken, or it does not
     *                               become ready (the message holds the end of its log)
     */
    public synchronized KafkaBroker start() {
        checkPortsFree();
        long begin = System.nanoTime();
        formatIfNeeded(null);
        Process process = launch();
        try {
            awaitReady(process);
        } catch (RuntimeException e) {
            ChildProcesses.terminate(process.toHandle(), Duration.ofSeconds(20));
            deletePidFile();
            throw e;
        }
        LOG.log(Level.INFO, "Kafka broker ready on {0} in {1} ms (pid {2}, {3})",
                bootstrapServers(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin),
                Long.toString(process.pid()), dir);
        return this;
    }

    private void checkPortsFree() {
        OptionalLong running = pid();
        if (running.isPresent()) {
            throw new IllegalStateException("Kafka broker in " + dir + " is already running as pid " + running.getAsLong());
        }
        for (int p : new int[] {port, controllerPort}) {
            if (!Ports.isFree(p)) {
                throw new IllegalStateException("cannot start Kafka broker: port " + p + " is in use"
                        + Ports.describeHolder(p).map(h -> " by " + h).orElse(""));
            }
        }
    }

    /** Stops the broker if it runs (SIGTERM, then waits for its exit). Idempotent. */
    public synchronized void stop() {
        OptionalLong pid = pid();
        if (pid.isPresent()) {
            ProcessHandle.of(pid.getAsLong()).ifPresent(h -> {
                long begin = System.nanoTime();
                boolean clean = ChildProcesses.terminate(h, stopTimeout);
                LOG.log(Level.INFO, "Kafka broker on {0} stopped {1}in {2} ms", bootstrapServers(),
                        clean ? "" : "(killed) ", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
            });
        }
        deletePidFile();
    }

    @Override
    public void close() {
        stop();
    }

    /** The pid of the running broker of this directory, if one runs. */
    public OptionalLong pid() {
        Path pidFile = dir.resolve("kafka.pid");
        if (!Files.exists(pidFile)) {
            return OptionalLong.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).trim());
            String serverProperties = dir.resolve("server.properties").toString();
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    // guard against a recycled pid: the process must be this directory's broker
                    .filter(h -> commandLineOf(h.pid()).map(c -> c.contains(serverProperties)).orElse(true))
                    .map(h -> OptionalLong.of(h.pid()))
                    .orElse(OptionalLong.empty());
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The full command line from /proc (ProcessHandle.Info drops the arguments of long ones). */
    private static java.util.Optional<String> commandLineOf(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return java.util.Optional.of(new String(raw, StandardCharsets.UTF_8).replace('\0', ' '));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    public boolean isRunning() {
        return pid().isPresent();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The bootstrap servers of all the given brokers, comma-separated, as a client takes them. */
    public static String bootstrapServers(List<KafkaBroker> brokers) {
        return String.join(",", brokers.stream().map(KafkaBroker::bootstrapServers).toList());
    }

    /** How many voters its server.properties names: 1 for a single broker, {@value #CLUSTER_SIZE} for a cluster's node. */
    public static int quorumSize(Path dir) {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(dir.resolve("server.properties"), StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String voters = props.getProperty("controller.quorum.voters");
        return voters == null ? 1 : voters.split(",").length;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path directory() {
        return dir;
    }

    public Path logFile() {
        return dir.resolve("logs/server.log");
    }

    @Override
    public String toString() {
        return "Kafka broker on " + bootstrapServers() + " (" + dir + ")";
    }

    // ---------------------------------------------------------------- running

    /** The cluster id its log directory was formatted with, if it was. */
    private java.util.Optional<String> formattedClusterId() {
        Path meta = dir.resolve("data/meta.properties");
        if (!Files.exists(meta)) {
            return java.util.Optional.empty();
        }
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return java.util.Optional.ofNullable(props.getProperty("cluster.id"));
    }

    /** A single broker is formatted as a standalone quorum; a cluster's nodes with their shared id and static voters. */
    private void formatIfNeeded(String clusterId) {
        if (Files.exists(dir.resolve("data/meta.properties"))) {
            return; // formatted before: resume with its data
        }
        List<String> command = javaCommand("kafka.tools.StorageTool");
        command.add("format");
        if (clusterId == null) {
            command.add("--standalone");
        }
        command.addAll(List.of("--cluster-id", clusterId == null ? Uuid.randomUuid().toString() : clusterId,
                "--config", dir.resolve("server.properties").toString()));
        Path out = dir.resolve("logs/format.log");
        try {
            Process format = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!format.waitFor(2, TimeUnit.MINUTES)) {
                format.destroyForcibly();
                throw new IllegalStateException("formatting Kafka's log directory timed out; see " + out);
            }
            if (format.exitValue() != 0) {
                throw new IllegalStateException("formatting Kafka's log directory failed (exit " + format.exitValue() + "):\n"
                        + ChildProcesses.tail(out, 20));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka's log directory", e);
        }
    }

    private Process launch() {
        List<String> command = javaCommand(MAIN_CLASS);
        command.add(Long.toString(ProcessHandle.current().pid()));
        command.add(dir.resolve("server.properties").toString());
        try {
            Process process = new ProcessBuilder(ChildProcesses.inOwnSession(command))
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("logs/console.log").toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            Files.writeString(dir.resolve("kafka.pid"), Long.toString(process.pid()), StandardCharsets.US_ASCII);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Kafka broker", e);
        }
    }

    private List<String> javaCommand(String mainClass) {
        List<String> command = new ArrayList<>();
        command.add(ChildProcesses.javaExecutable());
        command.addAll(jvmOptions);
        command.addAll(gcOptions(jvmOptions));
        command.addAll(List.of("-XX:+ExitOnOutOfMemoryError",
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"),
                "-Dkafka.logs.dir=" + dir.resolve("logs")));
        command.add("-cp");
        command.add(readClasspath());
        command.add(mainClass);
        return command;
    }

    /** G1 with short pauses, unless the options choose a collector: a JVM given two refuses to start. */
    static List<String> gcOptions(List<String> jvmOptions) {
        boolean chosen = jvmOptions.stream().anyMatch(option -> option.matches("-XX:\\+Use\\w+GC"));
        return chosen ? List.of() : List.of("-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20");
    }

    private void awaitReady(Process process) {
        long deadline = System.nanoTime() + startupTimeout.toNanos();
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        try (Admin admin = Admin.create(config)) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka broker exited (code " + process.exitValue() + ") while starting; "
                            + logFile() + " ends with:\n" + ChildProcesses.tail(logFile(), 30)
                            + "\n" + ChildProcesses.tail(dir.resolve("logs/console.log"), 10));
                }
                try {
                    if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000)).nodes()
                            .get(4, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka broker not ready after " + startupTimeout.toSeconds() + " s; "
                            + logFile() + " ends with:\n" + ChildProcesses.tail(logFile(), 30));
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200)); // between two polls of the broker
            }
        }
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(dir.resolve("kafka.pid"));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot delete " + dir.resolve("kafka.pid"), e);
        }
    }

    // ---------------------------------------------------------------- files of the directory

    private void writeServerProperties() throws IOException {
        String host = "127.0.0.1";
        boolean cluster = voters.size() > 1;
        int replicas = cluster ? CLUSTER_REPLICATION_FACTOR : 1;
        int minIsr = cluster ? CLUSTER_MIN_INSYNC_REPLICAS : 1;
        String quorum = cluster
                ? "controller.quorum.voters=" + String.join(",", voters.entrySet().stream()
                        .map(v -> v.getKey() + "@" + host + ":" + v.getValue()).toList())
                : "controller.quorum.bootstrap.servers=" + host + ":" + controllerPort;
        String text = String.join("\n",
                "# Written by fr.alize.infra.KafkaBroker: a KRaft node, broker and controller in one process"
                        + (cluster ? ", one of a cluster of " + voters.size() + "." : "."),
                "process.roles=broker,controller",
                "node.id=" + nodeId,
                quorum,
                "controller.listener.names=CONTROLLER",
                "listeners=PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort,
                "advertised.listeners=PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort,
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "# topics are created explicitly, and kept (the topic is the log)",
                "auto.create.topics.enable=false",
                "log.retention.ms=-1",
                "num.partitions=1",
                "# durability: every topic (internal ones too) replicated on each broker of a cluster, a write",
                "# acknowledged once the in-sync replicas hold it, and never a leader that may have lost records",
                "default.replication.factor=" + replicas,
                "min.insync.replicas=" + minIsr,
                "unclean.leader.election.enable=false",
                "offsets.topic.replication.factor=" + replicas,
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=" + replicas,
                "transaction.state.log.min.isr=" + minIsr,
                "transaction.state.log.num.partitions=10",
                "share.coordinator.state.topic.replication.factor=" + replicas,
                "share.coordinator.state.topic.min.isr=" + minIsr,
                "group.initial.rebalance.delay.ms=0",
                "");
        Files.writeString(dir.resolve("server.properties"), text, StandardCharsets.UTF_8);
    }

    private void writeLoggingConfig() throws IOException {
        String text = String.join("\n",
                "# Written by fr.alize.infra.KafkaBroker",
                "status = warn",
                "appender.file.type = RollingFile",
                "appender.file.name = file",
                "appender.file.fileName = " + dir.resolve("logs/server.log"),
                "appender.file.filePattern = " + dir.resolve("logs/server.log.%i"),
                "appender.file.layout.type = PatternLayout",
                "appender.file.layout.pattern = [%d] %p %m (%c)%n",
                "appender.file.policies.type = Policies",
                "appender.file.policies.size.type = SizeBasedTriggeringPolicy",
                "appender.file.policies.size.size = 20MB",
                "appender.file.strategy.type = DefaultRolloverStrategy",
                "appender.file.strategy.max = 3",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.file.ref = file",
                "logger.state-change.name = state.change.logger",
                "logger.state-change.level = WARN",
                "");
        Files.writeString(dir.resolve("log4j2.properties"), text, StandardCharsets.UTF_8);
    }

    /** Copies the broker's jar list, built into this jar, into the directory (one path a line). */
    private void writeClasspath() throws IOException {
        Set<String> jars = new LinkedHashSet<>();
        for (String resource : CLASSPATH_RESOURCES) {
            try (InputStream in = KafkaBroker.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + resource + " is missing from alize-local-infra: "
                            + "it is written when the module is built (maven-dependency-plugin build-classpath)");
                }
                for (String entry : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim().split(Pattern.quote(File.pathSeparator))) {
                    if (!entry.isBlank()) {
                        jars.add(entry.trim());
                    }
                }
            }
        }
        for (String jar : jars) {
            if (!Files.isRegularFile(Path.of(jar))) {
                throw new IllegalStateException("Kafka broker jar " + jar + " is missing: it was resolved when "
                        + "alize-local-infra was built, on a machine with another local Maven repository? Rebuild it.");
            }
        }
        Files.write(dir.resolve("broker.classpath"), jars, StandardCharsets.UTF_8);
    }

    /** Puts the child's entry point, a single class file, into the directory. */
    private void writeBootstrapClass() throws IOException {
        Path target = dir.resolve("bootstrap/fr/alize/infra/KafkaBrokerMain.class");
        Files.createDirectories(target.getParent());
        try (InputStream in = KafkaBroker.class.getResourceAsStream("KafkaBrokerMain.class")) {
            if (in == null) {
                throw new IllegalStateException("KafkaBrokerMain.class not found next to KafkaBroker");
            }
            Files.write(target, in.readAllBytes());
        }
    }

    private String readClasspath() {
        try {
            List<String> entries = new ArrayList<>();
            entries.add(dir.resolve("bootstrap").toString());
            entries.addAll(Files.readAllLines(dir.resolve("broker.classpath"), StandardCharsets.UTF_8));
            return String.join(File.pathSeparator, entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Integer> listenerPorts(Path home) {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(home.resolve("server.properties"), StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Integer> ports = new java.util.HashMap<>();
        Matcher m = LISTENER.matcher(props.getProperty("listeners", ""));
        while (m.find()) {
            ports.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        if (!ports.containsKey("PLAINTEXT") || !ports.containsKey("CONTROLLER")) {
            throw new IllegalStateException("unexpected listeners in " + home.resolve("server.properties"));
        }
        return ports;
    }
}
