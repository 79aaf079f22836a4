package fr.alize.load;

import com.fasterxml.jackson.databind.JsonNode;
import fr.alize.infra.AlizeRole;
import fr.alize.infra.ChildProcesses;
import fr.alize.infra.ProcessCpu;
import fr.alize.local.AlizeLocal;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The load harness (docs/load.md): starts the suite as the launcher does, on free ports and a fresh data directory,
 * then in one run measures raw inserts on the suite's PostgreSQL and three commands through the public APIs, each
 * with 1 and 16 clients, then the delay until each command's effect shows in impact-service at half the best rate.
 * Prints one table and writes it as JSON.
 *
 * <pre>java -jar deploy/load/target/alize-load.jar [--seconds 15] [--warmup 15] [--out deploy/load/target/load-result.json]</pre>
 */
public final class AlizeLoad {

    static final int[] CLIENTS = {1, 16};
    static final int BULK_ROWS = 1000;
    /** Running missions to log time on: each client of the 16 has its own four, so that no two clients write the same. */
    static final int MISSIONS = 64;
    static final String HOURS = "0.01";
    static final ZoneId PROGRAMME_ZONE = ZoneId.of("Europe/Paris");
    static final String[] SKILLS = {"it-requirements", "management-project", "accounting-general", "finance-budget",
            "quality-lean", "accounting-cost"};
    static final String[] COMMUNES = {"59606", "59008", "59459", "59383", "59544", "59350"};

    private final LaunchedSuite suite;
    private final double seconds;
    private final double warmup;
    private final Api api = new Api();
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final LoadReport report = new LoadReport();
    private final ProcessCpu cpu;

    private String partnerId;
    private String smeId;
    private final List<String[]> missions = new ArrayList<>(); // {missionId, volunteer token}

    private AlizeLoad(LaunchedSuite suite, double seconds, double warmup) {
        this.suite = suite;
        this.seconds = seconds;
        this.warmup = warmup;
        this.cpu = new ProcessCpu(suite.processes());
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path home = options.containsKey("home") ? Path.of(options.get("home")) : home();
        double seconds = Double.parseDouble(options.getOrDefault("seconds", "15"));
        double warmup = Double.parseDouble(options.getOrDefault("warmup", Double.toString(seconds)));
        Path out = Path.of(options.getOrDefault("out", home.resolve("deploy/load/target/load-result.json").toString()));
        Path data = Files.createTempDirectory("alize-load-");
        String loadBefore = loadAverage();
        try (LaunchedSuite suite = LaunchedSuite.start(home, data, Duration.ofSeconds(300))) {
            Runtime.getRuntime().addShutdownHook(new Thread(suite::close, "alize-load-stop")); // Ctrl-C stops the suite too
            AlizeLoad load = new AlizeLoad(suite, seconds, warmup);
            load.report.machine("load average before", loadBefore);
            load.report.machine("warm-up s per command", Double.toString(warmup));
            load.runAll();
            load.report.machine("load average after", loadAverage());
            load.report.machine("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
            load.report.machine("finished", Instant.now().toString());
            System.out.println();
            System.out.println(load.report.table());
            Files.createDirectories(out.getParent());
            Files.writeString(out, load.report.json());
            System.out.println("written to " + out);
        }
    }

    private void runAll() throws Exception {
        RssSampler rss = new RssSampler(suite.processes());
        rss.start();
        setUp();
        rawInserts();
        Map<String, Phase.Command> commands = new LinkedHashMap<>();
        commands.put("publish a need", (client, n) -> publishNeed());
        commands.put("log time", (client, n) -> logTime(client, n));
        commands.put("HR bulk upload", (client, n) -> bulkUpload());
        Map<String, Double> best = new LinkedHashMap<>();
        for (Map.Entry<String, Phase.Command> command : commands.entrySet()) {
            warmUp(command.getKey(), command.getValue());
            int items = command.getKey().startsWith("HR bulk") ? BULK_ROWS : 1;
            for (int clients : CLIENTS) {
                Phase.Result result = measured(command.getKey(), clients, items, () -> Phase.closedLoop(clients, seconds, command.getValue()));
                best.merge(command.getKey(), result.sample().perSecond(), Math::max);
            }
        }
        for (Map.Entry<String, Phase.Command> command : commands.entrySet()) {
            if (best.get(command.getKey()) > 0) { // else no command was answered within a phase: nothing to pace
                effectDelays(command.getKey(), best.get(command.getKey()) / 2, command.getValue());
            }
        }
        report.rss(rss.stop());
    }

    /**
     * Sends the command for {@code --warmup} seconds with 16 clients before its phases are measured. A freshly
     * started JVM spends most of its first minute of load compiling (in a recording of a run without a warm-up, the JIT took 4.4 of matching-service's 7 CPU
     * seconds while it logged time with one client), which production pays once per start.
     */
    private void warmUp(String what, Phase.Command command) {
        if (warmup > 0) {
            System.out.printf("[alize-load] warming up: %s, %d clients, %.0f s (not measured)%n", what,
                    CLIENTS[CLIENTS.length - 1], warmup);
            Phase.closedLoop(CLIENTS[CLIENTS.length - 1], warmup, command);
        }
    }

    /**
     * Runs a phase between two CPU readings of the suite's processes, and adds its row; once what the last phase
     * caused has reached impact-service, so that its backlog is not charged to this one.
     */
    private Phase.Result measured(String what, int clients, int items, java.util.function.Supplier<Phase.Result> phase) {
        settledEvents();
        // the start instant lets a flight recording of the run be cut by phase (docs/load.md, "Profiling a run")
        System.out.printf("[alize-load] %s, %d client(s), %.0f s, from %s%n", what, clients, seconds, java.time.Instant.now());
        Map<String, Double> before = cpu.seconds();
        Phase.Result result = phase.get();
        Map<String, Double> after = cpu.seconds();
        report.add(new LoadReport.Row(what, clients, items, result.sample(),
                ProcessCpu.perCommand(before, after, Math.max(1, result.sample().count()))));
        return result;
    }

    // ------------------------------------------------------------------ raw PostgreSQL

    /**
     * Single-row inserts of 400-byte payloads, each its own transaction, into a copy of {@code domain_event_entry}
     * (same columns, keys and indexes, its own sequence) in needs-service's database; dropped afterwards.
     */
    private void rawInserts() throws SQLException {
        String url = suite.jdbcUrl("needs");
        try (Connection admin = DriverManager.getConnection(url, "postgres", "postgres"); Statement ddl = admin.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS load_raw_event");
            ddl.execute("CREATE TABLE load_raw_event (LIKE domain_event_entry INCLUDING CONSTRAINTS INCLUDING INDEXES)");
            ddl.execute("ALTER TABLE load_raw_event ALTER COLUMN global_index ADD GENERATED BY DEFAULT AS IDENTITY");
            byte[] payload = new byte[400];
            ThreadLocalRandom.current().nextBytes(payload);
            for (int clients : CLIENTS) {
                List<Connection> connections = new ArrayList<>();
                List<PreparedStatement> inserts = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
                    connections.add(connection);
                    inserts.add(connection.prepareStatement("""
                            INSERT INTO load_raw_event (aggregate_identifier, sequence_number, type, event_identifier,
                              meta_data, payload, payload_type, time_stamp) VALUES (?, 0, 'Load', ?, ?, ?, 'load.Raw', ?)"""));
                }
                measured(LoadReport.RAW, clients, 1, () -> Phase.closedLoop(clients, seconds, (client, n) -> {
                    PreparedStatement insert = inserts.get(client);
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, UUID.randomUUID().toString());
                    insert.setBytes(3, "{}".getBytes());
                    insert.setBytes(4, payload);
                    insert.setString(5, Instant.now().toString());
                    return insert.executeUpdate() == 1;
                }));
                for (Connection connection : connections) {
                    connection.close();
                }
            }
            ddl.execute("DROP TABLE load_raw_event");
        }
    }

    // ------------------------------------------------------------------ set-up through the APIs

    private String token(String role, String tenant) {
        return tokens.computeIfAbsent(role + "/" + tenant,
                k -> AlizeLocal.token(suite.dataDir, AlizeRole.fromGroup(role), tenant));
    }

    /**
     * A partner company, an approved SME, and {@value #MISSIONS} volunteers each started on a mission for a need of
     * its own (proposed by the CCI, accepted by the SME, the employer and the volunteer).
     */
    private void setUp() throws Exception {
        System.out.println("[alize-load] setting up: a partner, an approved SME, " + MISSIONS + " running missions");
        String cci = token("cci", null);
        partnerId = api.until2xx("POST", suite.url("volunteer-service") + "/partners", cci, """
                {"name": "Load %s", "group": "Load", "site": "Lille", "communeCode": "59350",
                 "pledge": {"year": %d, "pledgedDays": 1000, "dailyRate": 600}}""".formatted(run, today().getYear()))
                .path("partnerId").asText();
        smeId = UUID.randomUUID().toString();
        api.until2xx("POST", suite.url("needs-service") + "/smes", token("sme", smeId), """
                {"smeId": "%s", "siret": "81234567800013", "name": "Load SME", "nafCode": "47.76Z", "communeCode": "59544",
                 "headcount": 17, "hiringPlanJobs": 3, "contact": {"name": "Load", "email": "load@example.org"}}""".formatted(smeId));
        api.until2xx("POST", suite.url("needs-service") + "/smes/" + smeId + "/decision", cci,
                "{\"decision\": \"APPROVED\", \"reason\": \"load test\"}");
        JsonNode uploaded = api.until2xx("POST", bulkUrl(), token("partner-hr", partnerId), bulkBody(MISSIONS));
        if (uploaded.path("outcomes").path("CREATED").asInt() != MISSIONS) {
            throw new IllegalStateException("the set-up upload did not create " + MISSIONS + " volunteers: " + uploaded);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String[]>> started = new ArrayList<>();
        for (JsonNode row : uploaded.path("results")) {
            String volunteerId = row.path("volunteerId").asText();
            started.add(pool.submit(() -> startMission(volunteerId)));
        }
        for (Future<String[]> mission : started) {
            missions.add(mission.get(5, TimeUnit.MINUTES));
        }
        pool.shutdown();
    }

    /** A need of its own (a need whose mission starts is matched: nobody else can be proposed for it). */
    private String[] startMission(String volunteerId) {
        String needId = api.until2xx("POST", suite.url("needs-service") + "/needs", token("sme", smeId), needBody())
                .path("needId").asText();
        String matching = suite.url("matching-service");
        String missionId = api.until2xx("POST", matching + "/missions", token("cci", null),
                "{\"needId\": \"%s\", \"volunteerId\": \"%s\"}".formatted(needId, volunteerId)).path("missionId").asText();
        String volunteer = token("volunteer", volunteerId);
        api.until2xx("POST", matching + "/missions/" + missionId + "/acceptance", token("sme", smeId), "{}");
        api.until2xx("POST", matching + "/missions/" + missionId + "/acceptance", token("partner-hr", partnerId), "{}");
        api.until2xx("POST", matching + "/missions/" + missionId + "/acceptance", volunteer,
                "{\"startDate\": \"%s\"}".formatted(today()));
        return new String[]{missionId, volunteer};
    }

    // ------------------------------------------------------------------ the commands

    private boolean publishNeed() {
        return api.send("POST", suite.url("needs-service") + "/needs", token("sme", smeId), needBody()).ok();
    }

    private boolean logTime(int client, int n) {
        String[] mission = missions.get((client + CLIENTS[CLIENTS.length - 1] * (n % 4)) % missions.size());
        return api.send("POST", suite.url("matching-service") + "/missions/" + mission[0] + "/time-entries", mission[1],
                "{\"date\": \"%s\", \"hours\": %s}".formatted(today(), HOURS)).ok();
    }

    /** A 2xx that created every row; a row rejected counts as an error. */
    private boolean bulkUpload() {
        Api.Answer answer = api.send("POST", bulkUrl(), token("partner-hr", partnerId), bulkBody(BULK_ROWS));
        return answer.ok() && answer.json().path("outcomes").path("CREATED").asInt() == BULK_ROWS;
    }

    private String needBody() {
        LocalDate today = today();
        return """
                {"category": "IT_REQUIREMENTS", "title": "Load need %s-%d", "description": "Requirements for the load test.",
                 "skills": [{"skillId": "it-requirements", "level": 2}], "effortDays": 3,
                 "windowStart": "%s", "windowEnd": "%s"}""".formatted(run, sequence.incrementAndGet(), today, today.plusDays(60));
    }

    private String bulkUrl() {
        return suite.url("volunteer-service") + "/partners/" + partnerId + "/volunteers/bulk";
    }

    /** {@code rows} new volunteers (employee references never sent before), with two skills each. */
    private String bulkBody(int rows) {
        StringBuilder body = new StringBuilder("{\"volunteers\": [");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < rows; i++) {
            long n = sequence.incrementAndGet();
            body.append(i == 0 ? "" : ",").append("""
                    {"employeeRef": "L-%s-%d", "name": "Volunteer %d", "email": "v%d@load.example",
                     "skills": [{"skillId": "it-requirements", "level": 4}, {"skillId": "%s", "level": %d}],
                     "daysPerMonth": %d, "communeCode": "%s", "maxTravelKm": 30}""".formatted(run, n, n, n,
                    SKILLS[1 + random.nextInt(SKILLS.length - 1)], 1 + random.nextInt(4), 1 + random.nextInt(4),
                    COMMUNES[random.nextInt(COMMUNES.length)]));
        }
        return body.append("]}").toString();
    }

    /** The programme's day, as the services see it. */
    private static LocalDate today() {
        return LocalDate.now(PROGRAMME_ZONE);
    }

    // ------------------------------------------------------------------ effects in impact-service

    /**
     * Commands paced at {@code perSecond} while impact-service's count of recorded events is read every few
     * milliseconds: the k-th command answered counts as visible once impact-service shows k commands' worth of new
     * events (events per command measured on the same commands first). The delay is the time from the k-th 2xx to
     * that reading.
     */
    private void effectDelays(String what, double perSecond, Phase.Command command) {
        System.out.printf("[alize-load] effect of %s in impact-service, at %.1f commands/s%n", what, perSecond);
        long base = settledEvents();
        Phase.Result calibration = Phase.closedLoop(1, 2, command);
        double eventsPerCommand = (settledEvents() - base) / (double) Math.max(1, calibration.sample().count());
        long start = settledEvents();
        List<long[]> readings = new ArrayList<>(); // {nanoTime, events}
        Thread watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long events = events();
                synchronized (readings) {
                    readings.add(new long[]{System.nanoTime(), events});
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5)); // the reading interval
            }
        }, "impact-watcher");
        watcher.start();
        Phase.Result result = Phase.paced(CLIENTS[CLIENTS.length - 1], perSecond, seconds, command);
        long[] answeredAt = result.answeredAt();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && lastEvents(readings) - start < answeredAt.length * eventsPerCommand - 0.5) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50)); // waiting for the last effects
        }
        watcher.interrupt();
        List<Long> delays = new ArrayList<>();
        int unseen = 0;
        int k = 0;
        synchronized (readings) {
            for (long[] reading : readings) {
                long visible = (long) Math.floor((reading[1] - start) / eventsPerCommand + 1e-9);
                while (k < answeredAt.length && k < visible) {
                    delays.add(Math.max(0, reading[0] - answeredAt[k]));
                    k++;
                }
            }
        }
        unseen = answeredAt.length - k;
        report.add(new LoadReport.Effect(what, perSecond, Sample.of(delays.stream().mapToLong(Long::longValue).toArray(),
                unseen, seconds)));
    }

    private static long lastEvents(List<long[]> readings) {
        synchronized (readings) {
            return readings.isEmpty() ? 0 : readings.get(readings.size() - 1)[1];
        }
    }

    private long events() {
        Api.Answer answer = api.send("GET", suite.url("impact-service") + "/events/status", token("analyst", null), null);
        return answer.ok() ? answer.json().path("events").asLong() : -1;
    }

    /** The count of impact-service's events once it has not changed for a second. */
    private long settledEvents() {
        long last = events();
        long stableSince = System.nanoTime();
        while (System.nanoTime() - stableSince < TimeUnit.SECONDS.toNanos(1)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100)); // between readings
            long now = events();
            if (now != last) {
                last = now;
                stableSince = System.nanoTime();
            }
        }
        return last;
    }

    // ------------------------------------------------------------------ helpers

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    /** The repository root: the jar is deploy/load/target/alize-load.jar. */
    private static Path home() throws URISyntaxException {
        Path jar = Path.of(AlizeLoad.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return jar.getParent().getParent().getParent().getParent();
    }

    /** The highest resident memory of each process, read every half second. */
    private static final class RssSampler {
        private final Map<String, LongSupplier> processes;
        private final Map<String, Long> max = new ConcurrentHashMap<>();
        private final Thread thread;

        RssSampler(Map<String, LongSupplier> processes) {
            this.processes = processes;
            this.thread = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    processes.forEach((name, pid) -> max.merge(name, ChildProcesses.residentKib(pid.getAsLong()), Math::max));
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500)); // the sampling interval
                }
            }, "rss-sampler");
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        Map<String, Long> stop() {
            thread.interrupt();
            Map<String, Long> ordered = new LinkedHashMap<>();
            processes.keySet().forEach(name -> ordered.put(name, max.getOrDefault(name, -1L)));
            return ordered;
        }
    }
}
