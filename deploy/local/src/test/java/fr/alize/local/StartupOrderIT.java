package fr.alize.local;

import fr.alize.infra.EmbeddedPostgresServer;
import fr.alize.infra.KafkaBroker;
import fr.alize.infra.Ports;
import fr.alize.infra.RsaPem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service started before its database and its broker does not crash: it says it is alive but not ready, refuses
 * commands with 503 (so callers know to retry: nothing is silently dropped), and serves once both arrive.
 */
class StartupOrderIT {

    private static final Path HOME = Path.of(System.getProperty("alize.home", "../..")).toAbsolutePath().normalize();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String NEED = """
            {"category":"IT_REQUIREMENTS","title":"Spec","description":"Write the spec","effortDays":5}""";

    @TempDir
    Path tmp;

    private ServiceProcess service;
    private EmbeddedPostgresServer postgres;
    private KafkaBroker broker;

    @AfterEach
    void stopAll() {
        if (service != null) {
            service.stop(Duration.ofSeconds(60));
        }
        if (broker != null) {
            broker.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aServiceStartedBeforeItsDatabaseAndBrokerWaitsThenServes() throws Exception {
        int http = Ports.freePort();
        int postgresPort = Ports.freePort();
        int kafkaPort = Ports.freePort();
        int controllerPort = Ports.freePort();
        String token = AlizeLocal.token(LauncherOptions.parse(
                List.of("--data-dir", tmp.toString(), "--role", "cci"), name -> null, name -> null));

        service = new ServiceProcess("needs-service", 0, http,
                HOME.resolve("needs-service/target/quarkus-app/quarkus-run.jar"), tmp.resolve("needs-service.log"));
        service.start("256m", List.of(), ServiceProcess.config(http, tmp.resolve("jwt").resolve(RsaPem.PUBLIC_KEY_FILE)),
                ServiceProcess.environment("jdbc:postgresql://127.0.0.1:" + postgresPort + "/needs", "postgres", "postgres",
                        "127.0.0.1:" + kafkaPort), tmp, tmp.resolve("needs-service.pid"));

        // up, alive, not ready; commands are refused with 503 and a hint to retry
        await().atMost(Duration.ofSeconds(90)).until(() -> status(get(http, "/q/health/live")) == 200);
        assertEquals(503, status(get(http, "/q/health/ready")));
        HttpResponse<String> refused = postNeed(http, token);
        assertEquals(503, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(refused.headers().firstValue("Retry-After").isPresent());
        assertTrue(service.isAlive(), "still running");

        // the database and the broker arrive, in that order, and the service becomes ready on its own
        postgres = EmbeddedPostgresServer.start(postgresPort, tmp.resolve("postgres"), false, null);
        postgres.ensureDatabase("needs");
        broker = KafkaBroker.create(tmp.resolve("kafka"), kafkaPort, controllerPort).start();
        await().atMost(Duration.ofSeconds(90)).until(() -> status(get(http, "/q/health/ready")) == 200);

        HttpResponse<String> served = postNeed(http, token);
        assertTrue(served.statusCode() < 500, served.statusCode() + " " + served.body());
    }

    private static HttpResponse<String> postNeed(int port, String token) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/needs"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(NEED)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(int port, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static int status(HttpResponse<?> response) {
        return response == null ? -1 : response.statusCode();
    }
}
