package fr.alize.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The faults of {@link ClusterIT}, under a steady load of commands sent in turn to both instances of each service:
 * needs published (needs-service), volunteers registered (volunteer-service), missions proposed for those needs
 * (matching-service) and a year's target set (impact-service). Faults, one after the other, each timed from its
 * injection until every service accepts commands again and impact-service's projection has caught up with the needs
 * accepted after it:
 * <ol>
 *   <li>SIGKILL of the broker that leads the most partitions, restarted once the suite has recovered;</li>
 *   <li>SIGKILL of one instance of each service at once (for needs-service, the one that holds the outbox relay's
 *       claim: the other takes it over), each restarted with its command line once the others have recovered;</li>
 *   <li>a PostgreSQL restart ({@code pg_ctl restart -m fast}).</li>
 * </ol>
 * Then every command answered 2xx is checked in its service's event store, on its topic and in the projections of
 * both instances, counted once; no 5xx came outside a fault's window.
 */
final class FaultRun {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final List<String> SERVICES = List.of("NEEDS", "VOLUNTEERS", "MATCHING", "IMPACT");
    private static final String TARGET_YEAR = "2090";
    /** Pause between two commands of one load thread: a steady load, not a benchmark (about 4 x 20 commands/s). */
    private static final long PACE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final LaunchedSuite suite;
    private final Path data;
    private final List<Process> restarted = new ArrayList<>();

    // what the load sent and what was accepted
    private final Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();
    private final Map<String, Queue<Long>> acceptedAt = new ConcurrentHashMap<>();
    private final Queue<String> needs = new ConcurrentLinkedQueue<>();
    private final Queue<Long> needAcceptedAt = new ConcurrentLinkedQueue<>();
    private final Set<String> volunteers = ConcurrentHashMap.newKeySet();
    private final Set<String> missions = ConcurrentHashMap.newKeySet();
    private final Queue<String> toPropose = new ConcurrentLinkedQueue<>();
    private final AtomicInteger lastTarget = new AtomicInteger(-1);
    private final Queue<String> serverErrors = new ConcurrentLinkedQueue<>();
    private final List<long[]> faultWindows = new ArrayList<>();
    private final Map<String, String> figures = new LinkedHashMap<>();

    FaultRun(LaunchedSuite suite, Path data) {
        this.suite = suite;
        this.data = data;
    }

    // ------------------------------------------------------------------ the cluster

    /** Three brokers, and every partition of the suite's topics on three in-sync replicas, two needed for a write. */
    void assertEveryPartitionOnThreeInSyncReplicas() throws Exception {
        try (Admin admin = admin()) {
            List<String> topics = new ArrayList<>(LaunchedSuite.DOMAIN_TOPICS);
            topics.add("alize.impact.yearly");
            // a broker restarted after SIGKILL recovers its logs first: 97 s once on the loaded 2-core test machine
            await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertEquals(3, admin.describeCluster().nodes().get().size(), "three brokers");
                for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get().values()) {
                    for (TopicPartitionInfo p : topic.partitions()) {
                        assertEquals(3, p.replicas().size(), topic.name() + " " + p);
                        assertEquals(3, p.isr().size(), topic.name() + " " + p);
                    }
                }
            });
            List<ConfigResource> resources = topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
            for (Map.Entry<ConfigResource, Config> config : admin.describeConfigs(resources).all().get().entrySet()) {
                assertEquals("2", config.getValue().get("min.insync.replicas").value(), config.getKey().name());
                assertEquals("false", config.getValue().get("unclean.leader.election.enable").value(), config.getKey().name());
            }
        }
    }

    // ------------------------------------------------------------------ the run

    void run(DemoStoryChecks first, DemoStoryChecks second) throws Exception {
        List<DemoStoryChecks> instances = List.of(first, second);
        awaitQuiet(first);
        long storedBefore = storedEvents();
        long loggedBefore = loggedEvents(first);
        long publishedBefore = publishedNeeds(first);
        long storedNeedsBefore = storedNeeds();

        AtomicBoolean loading = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> load = new ArrayList<>();
        long loadStart = System.nanoTime();
        try {
            load.add(pool.submit(() -> loop(loading, "NEEDS", k -> publishNeed(instances.get(k), first))));
            load.add(pool.submit(() -> loop(loading, "VOLUNTEERS", k -> registerVolunteer(instances.get(k)))));
            load.add(pool.submit(() -> loop(loading, "MATCHING", k -> proposeMission(instances.get(k), first))));
            load.add(pool.submit(() -> loop(loading, "IMPACT", k -> setTarget(instances.get(k)))));
            await().atMost(Duration.ofSeconds(60)).until(() -> SERVICES.stream().allMatch(s -> accepted(s) >= 5));

            killTheBusiestBroker(first, publishedBefore);
            killOneInstanceOfEachService(first, publishedBefore);
            restartPostgres(first, publishedBefore);
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(3)); // a little steady load after the last recovery
        } finally {
            loading.set(false);
            for (Future<?> thread : load) {
                thread.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

        // everything accepted reaches every projection, once
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> publishedNeeds(first) >= publishedBefore + needs.size());
        awaitQuiet(first);
        int lost = 0;
        lost += missing("needs", needs, "alize.needs");
        lost += missing("volunteer", volunteers, "alize.volunteers");
        lost += missing("matching", missions, "alize.missions");
        lost += missingRows("matching", "SELECT need_id FROM pool_need WHERE published AND need_id = ANY(?)", needs);
        lost += missingRows("matching", "SELECT volunteer_id FROM pool_volunteer WHERE volunteer_id = ANY(?)", volunteers);
        long stored = storedEvents() - storedBefore;
        // a need can be stored without its 201 reaching the load (the instance killed, or PostgreSQL stopped, between
        // the commit and the answer): the projections must count what the store holds, once
        long storedNeeds = storedNeeds() - storedNeedsBefore;
        long unanswered = sent.getOrDefault("NEEDS", new AtomicInteger()).get() - needs.size();
        assertTrue(storedNeeds - needs.size() <= unanswered, "needs stored without a 201: " + (storedNeeds - needs.size())
                + ", more than the " + unanswered + " requests that got none");
        figures.put("needs stored whose 201 was lost", String.valueOf(storedNeeds - needs.size()));
        int doubled = 0;
        for (DemoStoryChecks instance : instances) {
            long published = publishedNeeds(instance) - publishedBefore;
            long logged = loggedEvents(instance) - loggedBefore;
            System.out.printf("FAULT RUN: %s: %d needs accepted, %d stored, %d counted; %d events stored, %d logged%n",
                    instance.variable("IMPACT"), needs.size(), storedNeeds, published, stored, logged);
            doubled += (int) Math.max(0, published - storedNeeds) + (int) Math.max(0, logged - stored);
            lost += (int) Math.max(0, storedNeeds - published) + (int) Math.max(0, stored - logged);
            JsonNode target = instance.get("IMPACT", "/targets/" + TARGET_YEAR, "CCI");
            assertEquals(lastTarget.get(), target.path("target").asInt(), "the last target accepted, on " + instance.variable("IMPACT"));
        }
        for (String mission : missions) {
            JsonNode history = first.get("IMPACT", "/missions/" + mission + "/history", "CCI");
            long proposed = history.findValues("type").stream().filter(t -> t.asText().equals("MissionProposed")).count();
            lost += proposed == 0 ? 1 : 0;
            doubled += (int) Math.max(0, proposed - 1);
        }

        int sentTotal = sent.values().stream().mapToInt(AtomicInteger::get).sum();
        int acceptedTotal = SERVICES.stream().mapToInt(this::accepted).sum();
        List<String> outside = serverErrors.stream().filter(e -> !inFaultWindow(Long.parseLong(e.substring(e.lastIndexOf('@') + 1))))
                .toList();
        StringBuilder summary = new StringBuilder(String.format("FAULT RUN: %.0f s of load; sent %d, accepted %d (needs %d,"
                        + " volunteers %d, missions %d, targets %d), lost %d, doubled %d; 5xx %d (%d outside a fault's window)",
                loadSeconds, sentTotal, acceptedTotal, needs.size(), volunteers.size(), missions.size(), accepted("IMPACT"),
                lost, doubled, serverErrors.size(), outside.size()));
        figures.forEach((fault, figure) -> summary.append("; ").append(fault).append(": ").append(figure));
        System.out.println(summary);
        assertEquals(0, lost, summary.toString());
        assertEquals(0, doubled, summary.toString());
        assertTrue(outside.isEmpty(), "no 5xx but on a killed process or while PostgreSQL restarted: " + outside);
        restarted.forEach(Relaunch::stop);
    }

    /** Processes this run started again: the test stops them before the launcher. */
    List<Process> restarted() {
        return restarted;
    }

    // ------------------------------------------------------------------ faults

    private void killTheBusiestBroker(DemoStoryChecks first, long publishedBefore) throws Exception {
        Map<Integer, Integer> led = new HashMap<>();
        try (Admin admin = admin()) {
            admin.describeTopics(LaunchedSuite.DOMAIN_TOPICS).allTopicNames().get().values().forEach(t ->
                    t.partitions().forEach(p -> led.merge(p.leader().id(), 1, Integer::sum)));
        }
        int node = led.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        Path dir = data.resolve(Suite.brokerDir(node - 1));
        Relaunch broker = Relaunch.of(LaunchedSuite.readPid(dir.resolve("kafka.pid")).orElseThrow());
        long t0 = fault(broker::kill);
        double recovered = awaitRecovered(first, t0, publishedBefore);
        long restart = System.nanoTime();
        // the launcher stops it (its pid file), or it stops by itself when the launcher exits
        Process again = broker.start(dir.resolve("logs/console.log"));
        Files.writeString(dir.resolve("kafka.pid"), Long.toString(again.pid()));
        try {
            assertEveryPartitionOnThreeInSyncReplicas();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("broker " + node + " restarted (" + (again.isAlive() ? "running" : "exited " + again.exitValue())
                    + "), not back in the cluster; " + dir + "/logs/console.log ends with:\n"
                    + fr.alize.infra.ChildProcesses.tail(dir.resolve("logs/console.log"), 30) + "\nserver.log ends with:\n"
                    + fr.alize.infra.ChildProcesses.tail(dir.resolve("logs/server.log"), 40), e);
        }
        closeWindow();
        figures.put("broker " + node + " (leader of " + led.get(node) + " of " + led.values().stream().mapToInt(i -> i).sum()
                + " partitions) killed", String.format("recovered in %.1f s, three in-sync replicas again %.1f s after its restart",
                recovered, (System.nanoTime() - restart) / 1e9));
    }

    private void killOneInstanceOfEachService(DemoStoryChecks first, long publishedBefore) throws Exception {
        String needsDb = jdbcUrl("needs");
        String holder = await().atMost(Duration.ofSeconds(30)).until(() -> LaunchedSuite.relayOwner(needsDb), java.util.Objects::nonNull);
        long holderPid = Long.parseLong(holder.substring(0, holder.indexOf('@')));
        Map<String, Relaunch> victims = new LinkedHashMap<>();
        for (String service : LauncherOptions.SERVICES) {
            for (int k = 0; k < 2; k++) {
                String label = ServiceProcess.label(service, k);
                long pid = LaunchedSuite.readPid(data.resolve("run").resolve(label + ".pid")).orElseThrow();
                boolean chosen = service.equals("needs-service") ? pid == holderPid : k == 1;
                if (chosen) {
                    victims.put(label, Relaunch.of(pid));
                }
            }
        }
        assertEquals(4, victims.size(), "the relay's claim is held by a needs instance: " + holder);
        long t0 = fault(() -> {
            for (Relaunch victim : victims.values()) {
                victim.kill();
            }
        });
        String taker = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> LaunchedSuite.relayOwner(needsDb), owner -> owner != null && !owner.equals(holder));
        double takeover = (System.nanoTime() - t0) / 1e9;
        double recovered = awaitRecovered(first, t0, publishedBefore);
        long restart = System.nanoTime();
        for (Map.Entry<String, Relaunch> victim : victims.entrySet()) {
            Process again = victim.getValue().start(data.resolve("logs").resolve(victim.getKey() + ".log"));
            restarted.add(again);
        }
        for (Map.Entry<String, Relaunch> victim : victims.entrySet()) {
            String port = victim.getValue().command().stream().filter(a -> a.startsWith("-Dquarkus.http.port=")).findFirst()
                    .orElseThrow().substring("-Dquarkus.http.port=".length());
            await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(500)).until(() -> ready(port));
        }
        double back = (System.nanoTime() - restart) / 1e9;
        closeWindow();
        System.out.printf("RELAY TAKEOVER: needs relay held by %s killed with SIGKILL; %s took the claim %.1f s later%n",
                holder, taker, takeover);
        assertTrue(takeover < 20, "takeover within the 5 s claim timeout and 1 s interval, with room: " + takeover);
        figures.put("one instance of each service killed (" + String.join(", ", victims.keySet()) + ")", String.format(
                "recovered in %.1f s (relay taken over in %.1f s), the four restarted and ready in %.1f s", recovered, takeover, back));
    }

    /**
     * A fast shutdown of PostgreSQL (SIGINT: sessions are ended, the rest is clean), then the postmaster started again
     * with its own command line; the launcher stops it at the end as it stops its own ({@code pg_ctl stop}).
     * {@code pg_ctl restart} is not used: it refuses to run as root, which the launched suite may be; the postmaster is
     * started again as the embedded server starts it then, in a user namespace ({@link Relaunch#unprivileged}).
     */
    private void restartPostgres(DemoStoryChecks first, long publishedBefore) throws Exception {
        long postmaster = LaunchedSuite.postmasterPid(data);
        Relaunch postgres = Relaunch.of(postmaster).unprivileged();
        long t0 = fault(() -> {
            assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(postmaster)).start().waitFor());
            ProcessHandle.of(postmaster).ifPresent(h -> h.onExit().orTimeout(60, TimeUnit.SECONDS).join());
            postgres.start(data.resolve("logs/postgres-restart.log"));
        });
        double recovered = awaitRecovered(first, t0, publishedBefore);
        closeWindow();
        figures.put("PostgreSQL restarted", String.format("recovered in %.1f s", recovered));
    }

    private interface Action {
        void run() throws Exception;
    }

    private long fault(Action action) throws Exception {
        long t0 = System.nanoTime();
        synchronized (faultWindows) {
            faultWindows.add(new long[] {t0, Long.MAX_VALUE});
        }
        action.run();
        return t0;
    }

    /** The current fault's window closes a little after its recovery (answers in flight then still count to it). */
    private void closeWindow() {
        synchronized (faultWindows) {
            faultWindows.get(faultWindows.size() - 1)[1] = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        }
    }

    private boolean inFaultWindow(long at) {
        synchronized (faultWindows) {
            return faultWindows.stream().anyMatch(w -> at >= w[0] && at <= w[1]);
        }
    }

    /**
     * Seconds from {@code t0} until every service has accepted a command issued after it, and impact-service counts
     * every need accepted up to the first one accepted after it.
     */
    private double awaitRecovered(DemoStoryChecks first, long t0, long publishedBefore) {
        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
            if (!SERVICES.stream().allMatch(s -> acceptedAt.getOrDefault(s, new ConcurrentLinkedQueue<>()).stream().anyMatch(t -> t > t0))) {
                return false;
            }
            long upTo = needAcceptedAt.stream().takeWhile(t -> t <= t0).count() + 1;
            return publishedNeeds(first) >= publishedBefore + upTo;
        });
        return (System.nanoTime() - t0) / 1e9;
    }

    // ------------------------------------------------------------------ the load

    private interface Command {
        /**
         * Sends one command to instance k; returns its status, -1 when no answer came (a killed process), 0 when
         * nothing was sent (no need to propose yet) or the command was refused as premature (a need matching-service
         * has not read yet: 400, sent again later).
         */
        int send(int k) throws Exception;
    }

    private void loop(AtomicBoolean loading, String service, Command command) {
        for (int i = 0; loading.get(); i++) {
            long issued = System.nanoTime();
            int status;
            try {
                status = command.send(i % 2);
            } catch (AssertionError | Exception noAnswer) {
                status = -1;
            }
            if (status != 0) {
                sent.computeIfAbsent(service, s -> new AtomicInteger()).incrementAndGet();
            }
            if (status >= 200 && status < 300) {
                acceptedAt.computeIfAbsent(service, s -> new ConcurrentLinkedQueue<>()).add(issued);
            } else if (status >= 500) {
                serverErrors.add(service + " " + status + " @" + issued);
            }
            LockSupport.parkNanos(PACE_NANOS); // pacing of the load, not a wait for anything
        }
    }

    private int accepted(String service) {
        return acceptedAt.getOrDefault(service, new ConcurrentLinkedQueue<>()).size();
    }

    private int publishNeed(DemoStoryChecks instance, DemoStoryChecks first) throws Exception {
        HttpResponse<String> answer = instance.call("POST", "NEEDS", "/needs", "SME_FLORIST", """
                {"category": "QUALITY", "title": "Fault run %s", "description": "Prepare the ISO 9001 audit",
                 "skills": [{"skillId": "it-requirements", "level": 3}], "effortDays": 2,
                 "windowStart": "%s", "windowEnd": "%s"}""".formatted(UUID.randomUUID(), first.variable("START"),
                first.variable("WINDOW_END")));
        if (answer.statusCode() == 201) {
            String id = JSON.readTree(answer.body()).path("needId").asText();
            needAcceptedAt.add(System.nanoTime());
            needs.add(id);
            toPropose.add(id);
        }
        return answer.statusCode();
    }

    private int registerVolunteer(DemoStoryChecks instance) throws Exception {
        String ref = "FAULT-" + UUID.randomUUID();
        HttpResponse<String> answer = instance.call("POST", "VOLUNTEERS", "/partners/" + instance.variable("SAINT_GOBAIN")
                + "/volunteers", "HR_SAINT_GOBAIN", """
                {"employeeRef": "%s", "name": "Fault Run", "email": "fault.run@saint-gobain.example",
                 "skills": [{"skillId": "quality-lean", "level": 2}], "daysPerMonth": 1, "communeCode": "59606",
                 "maxTravelKm": 20}""".formatted(ref));
        if (answer.statusCode() == 201) {
            volunteers.add(JSON.readTree(answer.body()).path("volunteerId").asText());
        }
        return answer.statusCode();
    }

    /** Proposes Claire for a need of the load; a need matching-service has not read yet is tried again later. */
    private int proposeMission(DemoStoryChecks instance, DemoStoryChecks first) throws Exception {
        String need = toPropose.poll();
        if (need == null) {
            return 0;
        }
        HttpResponse<String> answer = instance.call("POST", "MATCHING", "/missions", "CCI",
                "{\"needId\": \"%s\", \"volunteerId\": \"%s\"}".formatted(need, first.variable("CLAIRE")));
        if (answer.statusCode() == 201) {
            missions.add(JSON.readTree(answer.body()).path("missionId").asText());
        } else if (answer.statusCode() != 409) {
            toPropose.add(need); // not in the pool yet, or no answer: later
        }
        return answer.statusCode() == 400 ? 0 : answer.statusCode();
    }

    private final AtomicInteger nextTarget = new AtomicInteger();

    private int setTarget(DemoStoryChecks instance) {
        int value = nextTarget.incrementAndGet() % 10_000;
        HttpResponse<String> answer = instance.call("PUT", "IMPACT", "/targets/" + TARGET_YEAR, "CCI", "{\"target\": " + value + "}");
        if (answer.statusCode() / 100 == 2) {
            lastTarget.set(value);
        }
        return answer.statusCode();
    }

    // ------------------------------------------------------------------ reading the suite

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000));
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + suite.ports.get("postgres-port") + "/" + database;
    }

    /** Events in the three domain event stores. */
    private long storedEvents() throws Exception {
        long events = 0;
        for (String database : List.of("needs", "volunteer", "matching")) {
            try (Connection c = DriverManager.getConnection(jdbcUrl(database), "postgres", "postgres");
                 ResultSet count = c.createStatement().executeQuery("SELECT count(*) FROM domain_event_entry")) {
                count.next();
                events += count.getLong(1);
            }
        }
        return events;
    }

    /** Needs published in needs-service's event store. */
    private long storedNeeds() throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl("needs"), "postgres", "postgres");
             ResultSet count = c.createStatement().executeQuery(
                     "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%NeedPublished'")) {
            count.next();
            return count.getLong(1);
        }
    }

    /** Events impact-service's log holds, and those it read but skipped (types it does not know). */
    private static long loggedEvents(DemoStoryChecks instance) {
        JsonNode status = instance.get("IMPACT", "/events/status", "CCI");
        long skipped = 0;
        for (JsonNode count : status.path("unknownTypesSkipped")) {
            skipped += count.asLong();
        }
        return status.path("events").asLong() + skipped;
    }

    private static long publishedNeeds(DemoStoryChecks instance) {
        return instance.get("IMPACT", "/stats/needs", "CCI").path("publishedNeeds").asLong();
    }

    /** Until the event stores and impact-service's log stop moving (what came before the run has been read). */
    private void awaitQuiet(DemoStoryChecks first) {
        long[] last = {-1, -1};
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().until(() -> {
            long[] now = {storedEvents(), loggedEvents(first)};
            boolean quiet = now[0] == last[0] && now[1] == last[1];
            last[0] = now[0];
            last[1] = now[1];
            return quiet;
        });
    }

    /** Accepted ids missing from the database's event store or from the topic; prints them. */
    private int missing(String database, Collection<String> ids, String topic) throws Exception {
        int lost = missingRows(database, "SELECT DISTINCT aggregate_identifier FROM domain_event_entry WHERE aggregate_identifier = ANY(?)", ids);
        Set<String> keys = suite.firstSent(topic).keySet();
        List<String> absent = ids.stream().filter(id -> !keys.contains(id)).toList();
        if (!absent.isEmpty()) {
            System.out.println("FAULT RUN: not on " + topic + ": " + absent);
        }
        return lost + absent.size();
    }

    private int missingRows(String database, String select, Collection<String> ids) throws Exception {
        Set<String> found = new HashSet<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl(database), "postgres", "postgres");
             PreparedStatement query = c.prepareStatement(select)) {
            Array array = c.createArrayOf("varchar", ids.toArray());
            query.setArray(1, array);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        List<String> absent = ids.stream().filter(id -> !found.contains(id)).toList();
        if (!absent.isEmpty()) {
            System.out.println("FAULT RUN: not found by " + select + " in " + database + ": " + absent);
        }
        return absent.size();
    }

    private static boolean ready(String port) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
