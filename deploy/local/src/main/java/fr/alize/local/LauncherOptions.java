package fr.alize.local;

import fr.alize.infra.KafkaBroker;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Options of the launcher. Each option {@code --some-name} can also be given as the system property
 * {@code alize.some-name} or the environment variable {@code ALIZE_SOME_NAME}; the command line wins,
 * then the system property, then the environment, then the default.
 */
final class LauncherOptions {

    /** The four services, in the order they are listed. */
    static final List<String> SERVICES = List.of("needs-service", "volunteer-service", "matching-service", "impact-service");

    /** Option name (without --) to its default; value options only. */
    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("home", null);
        DEFAULTS.put("data-dir", null);
        DEFAULTS.put("needs-port", "8081");
        DEFAULTS.put("volunteer-port", "8082");
        DEFAULTS.put("matching-port", "8083");
        DEFAULTS.put("impact-port", "8084");
        DEFAULTS.put("kafka-port", "9092");
        DEFAULTS.put("kafka-controller-port", "9093");
        DEFAULTS.put("postgres-port", "5433");
        DEFAULTS.put("replicas", "1");
        DEFAULTS.put("brokers", "1");
        DEFAULTS.put("ready-timeout", "240");
        DEFAULTS.put("service-heap", "256m");
        DEFAULTS.put("jvm-options", "");
        DEFAULTS.put("role", null);
        DEFAULTS.put("tenant", null);
    }

    /** Options without a value: present or not. */
    private static final List<String> FLAGS = List.of("demo");

    private final Map<String, String> values;

    private LauncherOptions(Map<String, String> values) {
        this.values = values;
    }

    /** Parses {@code --name value} and {@code --name=value} pairs; unknown options are errors. */
    static LauncherOptions parse(List<String> args, Function<String, String> sysprops, Function<String, String> env) {
        Map<String, String> cli = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (FLAGS.contains(name)) {
                value = "true";
            } else if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new UsageException("option --" + name + " needs a value");
            }
            if (!DEFAULTS.containsKey(name) && !FLAGS.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
            cli.put(name, value);
        }
        Map<String, String> resolved = new HashMap<>();
        Map<String, String> all = new LinkedHashMap<>(DEFAULTS);
        FLAGS.forEach(flag -> all.put(flag, "false"));
        for (Map.Entry<String, String> option : all.entrySet()) {
            String name = option.getKey();
            String value = cli.get(name);
            if (value == null) {
                value = sysprops.apply("alize." + name);
            }
            if (value == null) {
                value = env.apply("ALIZE_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
            }
            resolved.put(name, value == null ? option.getValue() : value);
        }
        return new LauncherOptions(resolved);
    }

    /** The repository root: --home, else found from this jar's place: {@code <root>/deploy/local/target/alize-local.jar}. */
    Path home() {
        String home = values.get("home");
        if (home != null) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        try {
            Path location = Path.of(AlizeLocal.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // <root>/deploy/local/target/alize-local.jar or <root>/deploy/local/target/classes
            Path root = location.getParent().getParent().getParent().getParent();
            if (root != null && Files.isDirectory(root.resolve("deploy/local"))) {
                return root.toAbsolutePath().normalize();
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through
        }
        throw new UsageException("cannot find the repository root from the launcher's location; give --home DIR");
    }

    Path dataDir() {
        String dir = values.get("data-dir");
        return dir != null ? Path.of(dir).toAbsolutePath().normalize() : home().resolve("deploy/local/data");
    }

    /** The most instances of each service the launcher starts: their ports step by 10 from the service's. */
    static final int MAX_REPLICAS = 9;

    int servicePort(String service) {
        return port(service.substring(0, service.indexOf('-')) + "-port");
    }

    /** Instance {@code k} (from 0) of the service listens on the service's port + 10·k. */
    int servicePort(String service, int instance) {
        int port = servicePort(service) + 10 * instance;
        if (port > 65535) {
            throw new UsageException("instance " + instance + " of " + service + " would listen on port " + port);
        }
        return port;
    }

    /** {@code --replicas N}: instances of each service, 1 (the default) to {@value #MAX_REPLICAS}. */
    int replicas() {
        String value = require("replicas");
        try {
            int replicas = Integer.parseInt(value);
            if (replicas < 1 || replicas > MAX_REPLICAS) {
                throw new NumberFormatException();
            }
            return replicas;
        } catch (NumberFormatException e) {
            throw new UsageException("--replicas must be a whole number from 1 to " + MAX_REPLICAS + ", not '" + value + "'");
        }
    }

    /**
     * {@code --brokers N}: 1 (the default, a single KRaft node) or {@value KafkaBroker#CLUSTER_SIZE} (a cluster:
     * three brokers that are also the three voters of the controller quorum, topics replicated on all three).
     */
    int brokers() {
        String value = require("brokers");
        if (!value.equals("1") && !value.equals(Integer.toString(KafkaBroker.CLUSTER_SIZE))) {
            throw new UsageException("--brokers must be 1 or " + KafkaBroker.CLUSTER_SIZE + ", not '" + value + "'");
        }
        return Integer.parseInt(value);
    }

    int kafkaPort() {
        return port("kafka-port");
    }

    int kafkaControllerPort() {
        return port("kafka-controller-port");
    }

    /** Broker {@code k} (from 0) listens on --kafka-port + 10·k, its controller on --kafka-controller-port + 10·k. */
    int kafkaPort(int broker) {
        return stepped("kafka-port", broker);
    }

    int kafkaControllerPort(int broker) {
        return stepped("kafka-controller-port", broker);
    }

    /** The bootstrap servers of every broker, as the services get them. */
    String kafkaBootstrapServers() {
        List<String> servers = new ArrayList<>();
        for (int k = 0; k < brokers(); k++) {
            servers.add("127.0.0.1:" + kafkaPort(k));
        }
        return String.join(",", servers);
    }

    private int stepped(String option, int k) {
        int port = port(option) + 10 * k;
        if (port > 65535) {
            throw new UsageException("broker " + k + " would use port " + port + " (--" + option + " + 10*" + k + ")");
        }
        return port;
    }

    int postgresPort() {
        return port("postgres-port");
    }

    Duration readyTimeout() {
        return Duration.ofSeconds(Long.parseLong(require("ready-timeout")));
    }

    String serviceHeap() {
        return require("service-heap");
    }

    /**
     * {@code --jvm-options "..."}: more options for every JVM the launcher starts (services and brokers), separated by
     * spaces, after the launcher's own: HotSpot takes the last of a repeated flag, so they can override them.
     */
    List<String> jvmOptions() {
        String value = values.get("jvm-options").strip();
        List<String> options = value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
        options.stream().filter(option -> !option.startsWith("-")).findFirst().ifPresent(option -> {
            throw new UsageException("--jvm-options holds JVM options (each starting with '-'), not '" + option + "'");
        });
        return options;
    }

    /** {@code --demo}: load the demo story once the suite is ready. */
    boolean demo() {
        String value = values.get("demo");
        if (!value.equals("true") && !value.equals("false")) {
            throw new UsageException("demo must be true or false, not '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    /** Base URL of the first instance of each service on this machine, by service name. */
    Map<String, String> serviceUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        SERVICES.forEach(service -> urls.put(service, "http://127.0.0.1:" + servicePort(service)));
        return urls;
    }

    /** Base URLs of every instance of each service, by service name, instance 0 first. */
    Map<String, List<String>> instanceUrls() {
        Map<String, List<String>> urls = new LinkedHashMap<>();
        int replicas = replicas();
        for (String service : SERVICES) {
            List<String> instances = new ArrayList<>();
            for (int k = 0; k < replicas; k++) {
                instances.add("http://127.0.0.1:" + servicePort(service, k));
            }
            urls.put(service, List.copyOf(instances));
        }
        return urls;
    }

    String role() {
        return values.get("role");
    }

    String tenant() {
        return values.get("tenant");
    }

    private int port(String name) {
        String value = require(name);
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a TCP port, not '" + value + "'");
        }
    }

    private String require(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("--" + name + " is required");
        }
        return value;
    }

    /** A mistake in the command line: reported with the usage, exit code 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
