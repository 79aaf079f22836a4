package fr.alize.local;

import fr.alize.infra.AlizeRole;
import fr.alize.infra.JwtSigner;
import fr.alize.infra.RsaPem;
import fr.alize.local.demo.StoryRunner;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * The local launcher: the whole Alize suite on one machine with nothing but Java and Maven.
 * See {@link #USAGE}.
 */
public final class AlizeLocal {

    static final String USAGE = """
            Usage:
              java -jar deploy/local/target/alize-local.jar [run] [options]
                  Starts PostgreSQL, a Kafka broker (or three) and the four services; Ctrl-C stops them all.
                  With --demo, then loads the demo story through the public APIs (docs/walkthrough.md) and
                  prints the figures, the dashboard address and a token for each role of the story.
                  Loading it again on the same data adds nothing.
              java -jar deploy/local/target/alize-local.jar token --role ROLE [--tenant ID] [--data-dir DIR]
                  Prints a JWT (12 h) signed with the data directory's key, for curl:
                  curl -H "Authorization: Bearer $(java -jar deploy/local/target/alize-local.jar token --role cci)" ...
                  ROLE: cci | analyst | sme | partner-hr | volunteer (the last three need --tenant)
              java -jar deploy/local/target/alize-local.jar help

            Options (each also as system property -Dalize.NAME or environment variable ALIZE_NAME,
            e.g. --needs-port = alize.needs-port = ALIZE_NEEDS_PORT):
              --home DIR                  repository root (default: found from the jar's location)
              --data-dir DIR              data, logs and keys (default: <home>/deploy/local/data)
              --needs-port PORT           needs-service HTTP (default 8081)
              --volunteer-port PORT       volunteer-service HTTP (default 8082)
              --matching-port PORT        matching-service HTTP (default 8083)
              --impact-port PORT          impact-service HTTP (default 8084)
              --kafka-port PORT           Kafka broker (default 9092)
              --kafka-controller-port P   Kafka KRaft controller (default 9093)
              --brokers N                 Kafka brokers, 1 (default) or 3: three KRaft nodes (each broker and
                                          one of 3 controller voters), topics with 3 replicas, min.insync.replicas=2;
                                          broker k listens on --kafka-port + 10*k and --kafka-controller-port + 10*k
                                          (9092, 9102, 9112), keeps its data in kafka/ (k=0) or kafka-k/
              --postgres-port PORT        PostgreSQL (default 5433; user postgres, trust auth on localhost)
              --replicas N                instances of each service, 1 to 9 (default 1); instance k listens on
                                          the service's port + 10*k (needs 8081, 8091, ...), logs to
                                          logs/<service>-k.log (instance 0: logs/<service>.log)
              --ready-timeout SECONDS     wait for all services to be ready (default 240)
              --service-heap SIZE         -Xmx of each service (default 256m)
              --jvm-options "OPTS"        more options for every JVM started (services and brokers), after the
                                          launcher's own, e.g. "-XX:+FlightRecorder -Xlog:gc:file=gc.log"
              --demo                      load the demo story once the suite is ready (ALIZE_DEMO=true)

            Build first, from the repository root:  ./mvnw -DskipTests package
            A second start on the same data directory resumes with all its data.
            """;

    private AlizeLocal() {
    }

    public static void main(String[] args) {
        long launchedAt = System.nanoTime();
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        String command = !rest.isEmpty() && !rest.get(0).startsWith("--") ? rest.remove(0) : "run";
        try {
            switch (command) {
                case "run" -> run(LauncherOptions.parse(rest, System::getProperty, System::getenv), launchedAt);
                case "token" -> System.out.println(token(LauncherOptions.parse(rest, System::getProperty, System::getenv)));
                case "help", "--help", "-h" -> System.out.print(USAGE);
                default -> throw new LauncherOptions.UsageException("unknown command '" + command + "'");
            }
        } catch (LauncherOptions.UsageException e) {
            Console.error(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        }
    }

    private static void run(LauncherOptions options, long launchedAt) {
        Console.configureLogging();
        Suite suite = new Suite(options);
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(suite::stop, "alize-local-stop"));
        Signals.onTermination(() -> suite.stop());
        try {
            suite.start(launchedAt);
        } catch (Suite.StartFailure | IllegalStateException | java.io.UncheckedIOException e) {
            Console.error(e.getMessage());
            suite.stop();
            System.exit(1);
        } catch (RuntimeException e) {
            Console.error("failed to start: " + e);
            e.printStackTrace();
            suite.stop();
            System.exit(1);
        }
        if (options.demo()) {
            try {
                Demo.load(options);
            } catch (StoryRunner.StoryFailure | IllegalStateException e) {
                Console.error("demo failed: " + e.getMessage());
                Console.error("the suite keeps running; see the services' logs in " + options.dataDir().resolve("logs"));
            }
        }
        try {
            forever.await(); // until a signal stops the JVM
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A token signed with the key of the data directory (created if the suite never ran there). */
    static String token(LauncherOptions options) {
        if (options.role() == null) {
            throw new LauncherOptions.UsageException("token needs --role");
        }
        AlizeRole role = AlizeRole.fromGroup(options.role());
        String tenant = options.tenant();
        if (role.tenantClaim().isPresent() && tenant == null) {
            throw new LauncherOptions.UsageException("--role " + role.group() + " needs --tenant ID (its " + role.tenantClaim().get() + ")");
        }
        return token(options.dataDir(), role, tenant);
    }

    /** A 12-hour token for a role (and the tenant its role needs), signed with the data directory's key. */
    public static String token(java.nio.file.Path dataDir, AlizeRole role, String tenant) {
        String subject = tenant == null ? "local-" + role.group() : role.group() + "-" + tenant;
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", AlizeRole.ISSUER);
        claims.put("aud", AlizeRole.AUDIENCE);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("groups", List.of(role.group()));
        role.tenantClaim().ifPresent(claim -> claims.put(claim, tenant));
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(Duration.ofHours(12)).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        return JwtSigner.sign(claims, RsaPem.loadOrCreate(dataDir.resolve("jwt")).getPrivate());
    }
}
