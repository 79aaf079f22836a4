package fr.alize.testing;

import fr.alize.infra.EmbeddedPostgresServer;
import fr.alize.infra.KafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * PostgreSQL and Kafka for a service's {@code @QuarkusTest}s, started once per test JVM:
 * <pre>
 * &#64;QuarkusTestResource(value = AlizeInfraResource.class, restrictToAnnotatedClass = false,
 *         initArgs = &#64;ResourceArg(name = "database", value = "needs"))
 * </pre>
 * The first start chooses the infrastructure ({@link InfraMode}: Testcontainers where a Docker engine
 * answers, else embedded servers on free ports in fresh temporary directories) and records it in system
 * properties; later starts, from any classloader, reuse it and only create their database if missing.
 * It all stops when the JVM exits: {@link #stop()} leaves it running for the next Quarkus application
 * of the same JVM (another test profile), so it starts once per module.
 *
 * <p>Configuration returned: {@code quarkus.datasource.jdbc.url}, {@code quarkus.datasource.username},
 * {@code quarkus.datasource.password}, {@code kafka.bootstrap.servers},
 * {@code mp.jwt.verify.publickey.location} (the public key of {@link Tokens}).
 */
public class AlizeInfraResource implements QuarkusTestResourceLifecycleManager {

    /** Name of the init arg holding the service's database name. */
    public static final String DATABASE_ARG = "database";

    // system properties: the JVM-wide record of the running infrastructure
    public static final String MODE = "alize-test.infra.mode";
    public static final String KAFKA_BOOTSTRAP = "alize-test.kafka.bootstrap";
    /** Directory of the embedded broker (absent in container mode), see {@link KafkaBrokerControl}. */
    public static final String KAFKA_DIR = "alize-test.kafka.dir";
    public static final String POSTGRES_HOST = "alize-test.postgres.host";
    public static final String POSTGRES_PORT = "alize-test.postgres.port";
    public static final String POSTGRES_USERNAME = "alize-test.postgres.username";
    public static final String POSTGRES_PASSWORD = "alize-test.postgres.password";
    public static final String JWT_PUBLIC_KEY = "alize-test.jwt.publickey.location";

    private static final System.Logger LOG = System.getLogger(AlizeInfraResource.class.getName());
    /** A string literal is interned: one monitor for every classloader of the JVM. */
    private static final String JVM_WIDE_LOCK = "fr.alize.testing.AlizeInfraResource.lock";

    private String database = "alize";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault(DATABASE_ARG, database);
    }

    @Override
    public Map<String, String> start() {
        synchronized (JVM_WIDE_LOCK) {
            if (System.getProperty(MODE) == null) {
                startInfrastructure(InfraMode.choose());
            }
        }
        String host = System.getProperty(POSTGRES_HOST);
        String port = System.getProperty(POSTGRES_PORT);
        String user = System.getProperty(POSTGRES_USERNAME);
        String password = System.getProperty(POSTGRES_PASSWORD);
        EmbeddedPostgresServer.ensureDatabase(jdbcUrl(host, port, "postgres"), user, password, database);
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(host, port, database),
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password,
                "kafka.bootstrap.servers", System.getProperty(KAFKA_BOOTSTRAP),
                "mp.jwt.verify.publickey.location", System.getProperty(JWT_PUBLIC_KEY));
    }

    /** Leaves the infrastructure to the next application of this JVM; it stops at JVM exit. */
    @Override
    public void stop() {
        // see class comment
    }

    private static String jdbcUrl(String host, String port, String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    private static void startInfrastructure(InfraMode.Choice choice) {
        long begin = System.nanoTime();
        LOG.log(Level.INFO, "Alize test infrastructure: {0}", choice);
        try {
            Path root = Files.createTempDirectory("alize-test-infra-");
            Runnable teardown = choice.mode() == InfraMode.EMBEDDED ? startEmbedded(root) : startContainers();
            System.setProperty(JWT_PUBLIC_KEY, Tokens.writePublicKey(root.resolve("jwt")).toString());
            System.setProperty(MODE, choice.mode().name().toLowerCase(java.util.Locale.ROOT));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                teardown.run();
                deleteTree(root);
            }, "alize-test-infra-stop"));
            LOG.log(Level.INFO, "Alize test infrastructure ready in {0} ms: PostgreSQL {1}:{2}, Kafka {3}",
                    (System.nanoTime() - begin) / 1_000_000, System.getProperty(POSTGRES_HOST),
                    System.getProperty(POSTGRES_PORT), System.getProperty(KAFKA_BOOTSTRAP));
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare the test infrastructure", e);
        }
    }

    /** zonky PostgreSQL and a Kafka broker child JVM, started side by side. */
    private static Runnable startEmbedded(Path root) {
        KafkaBroker broker = KafkaBroker.create(root.resolve("kafka"), 0, 0);
        CompletableFuture<Void> kafka = CompletableFuture.runAsync(broker::start);
        EmbeddedPostgresServer postgres;
        try {
            postgres = EmbeddedPostgresServer.start(0, root.resolve("postgres"), false, null);
        } catch (RuntimeException e) {
            kafka.join();
            broker.stop();
            throw e;
        }
        try {
            kafka.join();
        } catch (CompletionException e) {
            postgres.close();
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        System.setProperty(POSTGRES_HOST, "127.0.0.1");
        System.setProperty(POSTGRES_PORT, Integer.toString(postgres.port()));
        System.setProperty(POSTGRES_USERNAME, postgres.username());
        System.setProperty(POSTGRES_PASSWORD, postgres.password());
        System.setProperty(KAFKA_BOOTSTRAP, broker.bootstrapServers());
        System.setProperty(KAFKA_DIR, broker.directory().toString());
        return () -> {
            broker.stop();
            postgres.close();
        };
    }

    private static Runnable startContainers() {
        return ContainerInfra.start();
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temporary files only
        }
    }
}
