package fr.alize.local;

import fr.alize.infra.EmbeddedPostgresServer;
import fr.alize.infra.KafkaBroker;
import fr.alize.infra.Ports;
import fr.alize.infra.RsaPem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged services in their {@code prod} profile, as a platform team runs them: they take their database and
 * brokers from the environment ({@code DB_JDBC_URL}, {@code DB_USERNAME}, {@code DB_PASSWORD},
 * {@code KAFKA_BOOTSTRAP_SERVERS}), serve against a PostgreSQL server started outside the launcher with the role
 * docs/deployment.md describes (owner of its database, nothing more), and refuse to start without one of them.
 */
class ProdProfileIT {

    private static final Path HOME = Path.of(System.getProperty("alize.home", "../..")).toAbsolutePath().normalize();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path tmp;

    private final List<ServiceProcess> services = new ArrayList<>();
    private EmbeddedPostgresServer postgres;
    private KafkaBroker broker;

    @AfterEach
    void stopAll() {
        services.forEach(s -> s.stop(Duration.ofSeconds(60)));
        if (broker != null) {
            broker.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aServiceServesFromAnExistingServerWithAnOwnerRoleThatIsNoSuperuser() throws Exception {
        postgres = EmbeddedPostgresServer.start(Ports.freePort(), tmp.resolve("postgres"), false, null);
        try (Connection admin = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.username(), postgres.password());
             Statement sql = admin.createStatement()) {
            sql.execute("CREATE ROLE needs_service LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD 'not-checked-here'");
            sql.execute("CREATE DATABASE needs OWNER needs_service");
        }
        broker = KafkaBroker.create(tmp.resolve("kafka"), 0, 0).start();
        int http = Ports.freePort();
        ServiceProcess service = start("needs-service", http, Map.of("DB_JDBC_URL", postgres.jdbcUrl("needs"),
                "DB_USERNAME", "needs_service", "DB_PASSWORD", "not-checked-here",
                "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers()));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertTrue(service.isAlive(), () -> "needs-service exited:\n" + log(service));
            return service.isReady();
        });
        try (Connection owner = DriverManager.getConnection(postgres.jdbcUrl("needs"), "needs_service", "x");
             Statement sql = owner.createStatement();
             var tables = sql.executeQuery("SELECT count(*) FROM pg_tables WHERE tableowner = 'needs_service'")) {
            assertTrue(tables.next() && tables.getInt(1) > 0, "the service's migrations ran as its own role");
        }
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/q/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), health.body());
    }

    @Test
    void aMissingSettingStopsTheStartAndNamesIt() throws Exception {
        Map<String, String> missing = Map.of("needs-service", "DB_JDBC_URL", "volunteer-service", "DB_USERNAME",
                "matching-service", "DB_PASSWORD", "impact-service", "KAFKA_BOOTSTRAP_SERVERS");
        for (String name : LauncherOptions.SERVICES) {
            Map<String, String> environment = new HashMap<>(ServiceProcess.environment("jdbc:postgresql://127.0.0.1:1/x",
                    "alize", "alize", "127.0.0.1:1"));
            environment.remove(missing.get(name));
            start(name, Ports.freePort(), environment);
        }
        for (ServiceProcess service : services) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> !service.isAlive());
            assertNotEquals(0, service.exitCode(), service.name + " failed");
            String log = log(service);
            String variable = missing.get(service.name);
            // the platform's check (ProdEnvironment) names the variable; the brokers' address is injected into the platform,
            // so Quarkus' validation of injected settings, which comes first, names it by its property
            String expected = variable.equals("KAFKA_BOOTSTRAP_SERVERS")
                    ? "Failed to load config value of type class java.lang.String for: kafka.bootstrap.servers"
                    : "cannot start: " + variable + " (";
            assertTrue(log.contains(expected), service.name + " names " + variable + ":\n" + log);
        }
    }

    private ServiceProcess start(String name, int http, Map<String, String> environment) {
        ServiceProcess service = new ServiceProcess(name, 0, http, HOME.resolve(name).resolve("target/quarkus-app/quarkus-run.jar"),
                tmp.resolve(name + ".log"));
        Map<String, String> config = ServiceProcess.config(http, tmp.resolve("jwt").resolve(RsaPem.PUBLIC_KEY_FILE));
        config.put("volunteer.employee-ref.key-location", tmp.resolve("employee-ref.key").toString());
        RsaPem.loadOrCreate(tmp.resolve("jwt"));
        service.start("256m", List.of(), config, environment, tmp, tmp.resolve(name + ".pid"));
        services.add(service);
        return service;
    }

    private static String log(ServiceProcess service) {
        try {
            return Files.readString(service.logFile);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
