package fr.alize.impact.bench;

import fr.alize.impact.TestEvents;
import fr.alize.impact.TestEvents.Event;
import fr.alize.impact.TestEvents.Mission;
import fr.alize.impact.eventlog.EventLog;
import fr.alize.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static fr.alize.impact.TestEvents.event;
import static fr.alize.impact.TestEvents.id;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * A benchmark, not a test: {@code ./mvnw verify -pl impact-service -am -DskipITs -Dbench=true -Dtest=ScaleBenchmark}
 * ({@code -Dbench.scale.events=1000000}, {@code -Dbench.scale.first=100000}, {@code -Dbench.scale.calls=20}).
 * <p>
 * Produces a five-year programme onto the three topics with the relays' record shape and CloudEvents headers (each
 * SME: application, approval, a need, a mission proposed, accepted by the three parties, started, 5 to 14 time
 * entries, one in five corrected, completed, one or two job reports, a headcount declaration; 200 partners with a
 * pledge a year), first {@code first} events, then the rest. After each part is in impact-service's log it times every
 * report, current and as of the instant between the two parts, {@code calls} calls each, and prints p50, p99 and max;
 * the second part also gives the ingestion rate: live for its first half (events stored per second, from the first
 * send to the last stored, this JVM producing them meanwhile), then from a backlog for its second half (sent while the
 * consumers were paused, then stored per second from their resumption to the last {@code stored_at}). At the second
 * size the as-of answers must equal the current answers at the first size (printed).
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class ScaleBenchmark {

    static final int EVENTS = Integer.getInteger("bench.scale.events", 1_000_000);
    static final int FIRST = Integer.getInteger("bench.scale.first", 100_000);
    static final int CALLS = Integer.getInteger("bench.scale.calls", 20);
    static final List<String> COMMUNES = List.of("59350", "59000", "62041", "80021", "60057", "02691", "59183", "62193",
            "59606", "62498");
    static final List<String> CONTRACTS = List.of("CDI", "CDD", "APPRENTICESHIP", "INTERIM", "OTHER");

    @Inject
    AgroalDataSource dataSource;
    @Inject
    KafkaClientService kafka;
    @Inject
    EventLog eventLog;

    final Random random = new Random(7);
    final List<String> partners = new ArrayList<>();
    final Set<String> checkedTypes = new HashSet<>();
    String someMission;
    String someSme;
    int produced;

    @Test
    void reportsAtTwoSizesOfTheSameProgramme() {
        TestEvents.topicsExist();
        long start = storedEvents();
        for (int p = 0; p < 200; p++) {
            String partner = id();
            partners.add(partner);
            send(event("PartnerEnrolled").with("partnerId", partner).with("name", "Partner " + p).with("group", null)
                    .with("site", "Site " + p).with("communeCode", COMMUNES.get(p % COMMUNES.size())));
            for (int year = 2021; year <= 2025; year++) {
                send(event("PartnerPledgeSet").with("partnerId", partner).with("year", year)
                        .with("pledgedDays", 20 + random.nextInt(80)).with("dailyRate", 500 + random.nextInt(500)));
            }
        }
        int sme = 0;
        while (produced < FIRST) {
            programmeOf(sme++);
        }
        TestEvents.flush();
        awaitStored(start + produced);
        Instant between = Instant.now();
        Map<String, String> firstAnswers = answers(null);
        Map<String, long[]> first = time(between);

        // the second part: half of it sent while impact-service consumes (the live rate: sent and stored), the other
        // half sent while its consumers are paused, then read from that backlog (impact-service's own rate, with no
        // producer sharing the machine's cores)
        long secondStart = System.nanoTime();
        int before = produced;
        int half = before + (EVENTS - before) / 2;
        while (produced < half) {
            programmeOf(sme++);
        }
        TestEvents.flush();
        awaitStored(start + produced);
        double live = (produced - before) / ((System.nanoTime() - secondStart) / 1e9);
        pause(true);
        int backlogStart = produced;
        while (produced < EVENTS) {
            programmeOf(sme++);
        }
        TestEvents.flush();
        Instant resumed = Instant.now();
        pause(false);
        awaitStored(start + produced);
        double backlog = (produced - backlogStart) / (Duration.between(resumed, lastStored()).toNanos() / 1e9);
        Map<String, long[]> second = time(between);
        Map<String, String> asOfAnswers = answers(between);
        long same = firstAnswers.keySet().stream().filter(r -> withoutAsOf(firstAnswers.get(r)).equals(withoutAsOf(asOfAnswers.get(r)))).count();

        System.out.printf("BENCH scale: %d events in the log (%d, then %d more); ingestion of the second part: %.0f events/s"
                + " live (sent by this JVM and stored), %.0f events/s from a backlog of %d (consumers paused while it was"
                + " sent); as-of answers at the second size equal to the current ones at the first: %d of %d%n",
                produced, before, produced - before, live, backlog, produced - backlogStart, same, firstAnswers.size());
        System.out.printf("BENCH scale: %-60s %26s %26s %7s%n", "report (ms: p50 / p99 / max)", "at " + before, "at " + produced, "ratio");
        for (String report : first.keySet()) {
            long[] a = first.get(report);
            long[] b = second.get(report);
            System.out.printf("BENCH scale: %-60s %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f %6.2fx%n", report, a[0] / 1e6, a[1] / 1e6,
                    a[2] / 1e6, b[0] / 1e6, b[1] / 1e6, b[2] / 1e6, (double) b[1] / Math.max(1, a[1]));
        }
    }

    /** One SME's part of the programme, in the year its index falls in (the five years fill evenly). */
    void programmeOf(int index) {
        int year = 2021 + index % 5;
        LocalDate start = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
        String smeId = id();
        String partner = partners.get(random.nextInt(partners.size()));
        send(event("SmeApplied").with("smeId", smeId).with("siret", "%014d".formatted(index)).with("name", "SME " + index)
                .with("nafCode", "%02d.%02dZ".formatted(10 + random.nextInt(80), random.nextInt(99)))
                .with("communeCode", COMMUNES.get(random.nextInt(COMMUNES.size()))).with("headcount", 3 + random.nextInt(200))
                .with("hiringPlanJobs", random.nextInt(10)));
        send(event("SmeApproved").with("smeId", smeId).with("reason", "eligible").with("decidedOn", start.minusDays(30).toString()));
        Mission mission = Mission.of(smeId, partner);
        send(event("NeedPublished").with("needId", mission.needId()).with("smeId", smeId).with("category", "QUALITY")
                .with("title", "Need " + index).with("description", "Prepare the audit")
                .with("skills", List.of(Map.of("skillId", "quality-iso", "level", 3))).with("effortDays", 5)
                .with("windowStart", start.minusDays(20).toString()).with("windowEnd", start.plusDays(60).toString())
                .with("communeCode", COMMUNES.get(0)));
        send(mission.event("MissionProposed").with("proposedBy", "CCI").with("score", 0.8));
        for (String party : List.of("SME", "VOLUNTEER", "EMPLOYER")) {
            send(mission.event("MissionAccepted").with("party", party));
        }
        send(mission.started(start.toString()));
        String last = null;
        for (int day = 0, entries = 5 + random.nextInt(10); day < entries; day++) {
            last = id();
            send(mission.logged(last, start.plusDays(day).toString(), 1 + random.nextInt(7), null));
        }
        if (index % 5 == 0) {
            send(mission.logged(id(), start.plusDays(1).toString(), 3, last));
        }
        send(mission.event("MissionCompleted").with("completedOn", start.plusDays(40).toString()).with("outcome", "done")
                .with("satisfaction", 1 + random.nextInt(5)));
        for (int r = 0, reports = 1 + random.nextInt(2); r < reports; r++) {
            send(event("JobsReported").with("smeId", smeId).with("reportId", id()).with("date", start.plusDays(90).toString())
                    .with("count", 1 + random.nextInt(4)).with("kind", r == 0 ? "CREATED" : "PRESERVED")
                    .with("contractType", CONTRACTS.get(random.nextInt(CONTRACTS.size()))));
        }
        send(event("HeadcountDeclared").with("smeId", smeId).with("date", start.plusDays(120).toString())
                .with("headcount", 3 + random.nextInt(220)));
        if (someMission == null) {
            someMission = mission.missionId();
            someSme = smeId;
        }
    }

    void send(Event e) {
        if (!checkedTypes.add(e.type())) {
            e.unchecked();
        }
        e.sendLater();
        produced++;
    }

    List<String> reports(Instant asOf) {
        String at = asOf == null ? "" : "asOf=" + asOf;
        List<String> reports = new ArrayList<>();
        for (String report : List.of("/yearly", "/contributions/2025", "/employment/2025",
                "/totals?from=2022-01-01&to=2026-12-31", "/targets/2025")) {
            reports.add(asOf == null ? report : report + (report.contains("?") ? "&" : "?") + at);
        }
        return reports;
    }

    Map<String, String> answers(Instant asOf) {
        Map<String, String> answers = new LinkedHashMap<>();
        List<String> current = reports(null);
        List<String> asked = reports(asOf);
        for (int i = 0; i < asked.size(); i++) {
            answers.put(current.get(i), get(asked.get(i)).asString());
        }
        return answers;
    }

    /** p50, p99 and max in nanoseconds of each report, current and as of the instant, and of two histories. */
    Map<String, long[]> time(Instant asOf) {
        List<String> all = new ArrayList<>(reports(null));
        all.addAll(reports(asOf));
        all.add("/missions/" + someMission + "/history");
        all.add("/smes/" + someSme + "/timeline");
        Map<String, long[]> times = new LinkedHashMap<>();
        for (String report : all) {
            get(report); // first call apart: plans and caches
            long[] calls = new long[CALLS];
            for (int i = 0; i < CALLS; i++) {
                long t = System.nanoTime();
                get(report);
                calls[i] = System.nanoTime() - t;
            }
            java.util.Arrays.sort(calls);
            times.put(report.replace(String.valueOf(asOf), "<between>"), new long[]{calls[CALLS / 2],
                    calls[(int) Math.ceil(CALLS * 0.99) - 1], calls[CALLS - 1]});
        }
        return times;
    }

    static Response get(String path) {
        return given().auth().oauth2(Tokens.cci()).when().get(path).then().statusCode(200).extract().response();
    }

    static String withoutAsOf(String json) {
        return json.replaceAll("\"asOf\":\"[^\"]*\"", "").replaceAll("\"asOf\":null", "");
    }

    static long storedEvents() {
        return given().auth().oauth2(Tokens.cci()).when().get("/events/status").then().statusCode(200).extract()
                .jsonPath().getLong("events");
    }

    /** Polled every 5 s: counting a log of a million rows is work the database would otherwise not do. */
    static void awaitStored(long events) {
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(5)).until(() -> storedEvents() >= events);
    }

    /** When the last event was stored, by the database's clock (the log's {@code stored_at}). */
    Instant lastStored() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT max(stored_at) FROM "
                     + EventLog.table(eventLog.currentGeneration()));
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getTimestamp(1).toInstant();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void pause(boolean pause) {
        for (String channel : List.of("needs-events", "volunteers-events", "missions-events")) {
            var consumer = kafka.getConsumer(channel);
            (pause ? consumer.pause() : consumer.resume()).await().atMost(Duration.ofSeconds(30));
        }
    }
}
