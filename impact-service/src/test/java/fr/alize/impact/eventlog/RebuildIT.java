package fr.alize.impact.eventlog;

import fr.alize.impact.TestEvents;
import fr.alize.impact.TestEvents.Mission;
import fr.alize.testing.ParkedRecordsApi;
import fr.alize.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.agroal.api.AgroalDataSource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static fr.alize.impact.TestEvents.event;
import static fr.alize.impact.TestEvents.id;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** A rebuild from offset zero gives the same figures, while the reports keep answering, and then follows the topics. */
@QuarkusTest
class RebuildIT {

    static final List<String> REPORTS = List.of("/yearly", "/employment/2041", "/contributions/2041", "/targets/2041",
            "/targets/2042?asOf=2042-06-30T00:00:00Z", "/totals?from=2040-01-01&to=2042-12-31", "/stats/needs",
            "/contributions/2040?format=csv&sep=semicolon", "/yearly?asOf=2024-01-21T20:00:00Z",
            "/employment/2040?asOf=2024-01-21T20:00:00Z", "/employment/2041?asOf=2024-03-03T12:00:00Z",
            "/contributions/2041?asOf=2024-03-03T12:00:00Z", "/targets/2041?asOf=2024-03-03T12:00:00Z",
            "/totals?from=2040-01-01&to=2041-06-30&asOf=2024-03-03T12:00:00Z");

    @Inject
    AgroalDataSource dataSource;

    int indexes(String table) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM pg_indexes WHERE tablename = ?")) {
            count.setString(1, table);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    long rows(String table) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM " + table)) {
            row.next();
            return row.getLong(1);
        }
    }

    long positionsLeft() throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM event_log_rebuild_position");
             ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    static JsonPath status() {
        return given().auth().oauth2(Tokens.cci()).when().get("/events/status").then().statusCode(200).extract().jsonPath();
    }

    static Map<String, String> figures(List<String> extra) {
        Map<String, String> figures = new LinkedHashMap<>();
        List<String> reports = new ArrayList<>(REPORTS);
        reports.addAll(extra);
        for (String report : reports) {
            figures.put(report, given().auth().oauth2(Tokens.analyst()).when().get(report).then().statusCode(200)
                    .extract().asString());
        }
        return figures;
    }

    /** A few thousand events over three years, one in ten sent twice. Returns the distinct events sent. */
    static int threeYearsOfEvents(List<String> someMissions) {
        Random random = new Random(42);
        List<TestEvents.Event> events = new ArrayList<>();
        List<String> partners = List.of(id(), id(), id(), id(), id());
        for (String partner : partners) {
            events.add(event("PartnerEnrolled").with("partnerId", partner).with("name", "Partner " + partner.substring(0, 4)));
            for (int year = 2040; year <= 2042; year++) {
                events.add(event("PartnerPledgeSet").with("partnerId", partner).with("year", year)
                        .with("pledgedDays", 10 + random.nextInt(50)).with("dailyRate", 400 + random.nextInt(400)));
            }
        }
        for (int i = 0; i < 210; i++) {
            String sme = id();
            int year = 2040 + i % 3;
            String month = String.format("%02d", 1 + random.nextInt(12));
            events.add(event("SmeApplied").with("smeId", sme).with("nafCode", String.format("%02d.11Z", 1 + random.nextInt(98)))
                    .with("communeCode", "59" + (100 + random.nextInt(20))).with("headcount", 5 + random.nextInt(40)));
            Mission mission = Mission.of(sme, partners.get(i % partners.size()));
            someMissions.add(mission.missionId());
            events.add(mission.event("MissionProposed").version(0));
            events.add(mission.started(year + "-" + month + "-01").version(1));
            String corrected = null;
            for (int day = 1; day <= 4; day++) {
                String entry = id();
                events.add(mission.logged(entry, year + "-" + month + "-0" + (day + 1), 1 + random.nextInt(8), null).version(1 + day));
                corrected = entry;
            }
            events.add(mission.logged(id(), year + "-" + month + "-05", 2, corrected).version(6));
            events.add(mission.event("MissionCompleted").with("completedOn", year + "-" + month + "-20").version(7));
            events.add(event("JobsReported").with("smeId", sme).with("reportId", id()).with("date", year + "-" + month + "-25")
                    .with("count", 1 + random.nextInt(5)).with("kind", random.nextBoolean() ? "CREATED" : "PRESERVED")
                    .with("contractType", List.of("CDI", "CDD", "APPRENTICESHIP").get(random.nextInt(3))));
            events.add(event("HeadcountDeclared").with("smeId", sme).with("date", year + "-12-31").with("headcount", 10 + random.nextInt(40)));
            events.add(event("NeedPublished").with("needId", mission.needId()).with("smeId", sme));
        }
        // recorded an hour apart from 2024-01-01 in the order above (the as-of reports cut through them), but sent in
        // another order: the log receives them out of recording order, within and across topics
        Instant recorded = Instant.parse("2024-01-01T00:00:00Z");
        for (TestEvents.Event e : events) {
            e.recordedAt(recorded).occurredAt(recorded.minusSeconds(60));
            recorded = recorded.plusSeconds(3600);
        }
        List<TestEvents.Event> corrections = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            TestEvents.Event e = events.get(i);
            if (e.type().equals("JobsReported") && i % 3 == 0) {
                // sent again with other values: later (it replaces the first) or earlier (it does not), recorded later
                boolean newer = i % 2 == 0;
                corrections.add(e.copy().id(id()).with("count", 100 + i % 7)
                        .occurredAt(e.occurredAt().plusSeconds(newer ? 86_400 : -86_400))
                        .recordedAt(Instant.parse("2024-02-15T00:00:00Z").plusSeconds(i)));
            }
            if (e.type().equals("SmeApplied") && i % 4 == 0) {
                // the SME moves: its jobs count in its new commune from then on
                corrections.add(event("SmeProfileUpdated").with("smeId", e.data("smeId")).with("communeCode", "59999").with("contactUpdated", false)
                        .version(1).occurredAt(Instant.parse("2024-02-20T00:00:00Z").plusSeconds(i))
                        .recordedAt(Instant.parse("2024-02-20T00:00:00Z").plusSeconds(i)));
            }
        }
        events.addAll(corrections);
        List<TestEvents.Event> sending = new ArrayList<>(events);
        java.util.Collections.shuffle(sending, random);
        for (int i = 0; i < sending.size(); i++) {
            sending.get(i).sendLater();
            if (i % 10 == 0) {
                sending.get(i).sendLater();
            }
        }
        TestEvents.flush();
        return events.size();
    }

    static int sent;
    static final List<String> MISSIONS = new ArrayList<>();

    @Inject
    TestRebuildSeams seams;

    /** Once for the class: the events, in the log; and never with a rebuild (the API sweep starts one) running. */
    @BeforeEach
    void threeYears() {
        TestEvents.once(this, () -> {
            awaitNoRebuildRunning();
            long before = status().getLong("events");
            sent = threeYearsOfEvents(MISSIONS);
            assertThat(sent).isGreaterThan(2000);
            await().atMost(Duration.ofSeconds(120)).until(() -> status().getLong("events") == before + sent);
        });
        awaitNoRebuildRunning();
    }

    static void awaitNoRebuildRunning() {
        await().atMost(Duration.ofSeconds(120)).until(() -> !"RUNNING".equals(rebuildStatus().getString("state")));
    }

    static JsonPath rebuildStatus() {
        return given().auth().oauth2(Tokens.cci()).when().get("/events/rebuild").then().statusCode(200).extract().jsonPath();
    }

    static List<String> histories() {
        return List.of("/missions/" + MISSIONS.get(0) + "/history", "/missions/" + MISSIONS.get(209) + "/history?format=csv");
    }

    @Test
    void aRebuildGivesTheSameFiguresWithoutStoppingTheReports() throws Exception {
        long events = status().getLong("events");
        Map<String, String> expected = figures(histories());
        int generation = status().getInt("generation");

        given().auth().oauth2(Tokens.cci()).when().post("/events/rebuild").then().statusCode(202)
                .body("state", equalTo("RUNNING")).body("fromGeneration", equalTo(generation));
        // the reports keep answering, from the current generation, while the rebuild runs
        assertThat(figures(histories())).isEqualTo(expected);
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                given().auth().oauth2(Tokens.cci()).when().get("/events/rebuild").then().statusCode(200)
                        .body("state", equalTo("SWITCHED")));
        JsonPath rebuilt = rebuildStatus();
        assertThat(rebuilt.getInt("toGeneration")).isEqualTo(generation + 1);
        assertThat(rebuilt.getLong("read")).isEqualTo(rebuilt.getLong("total")).isGreaterThanOrEqualTo(sent + sent / 10);
        assertThat(rebuilt.getDouble("progress")).isEqualTo(1.0);
        assertThat(rebuilt.getBoolean("resumed")).isFalse();
        assertThat(status().getInt("generation")).isEqualTo(generation + 1);
        assertThat(status().getLong("events")).isEqualTo(events);
        assertThat(figures(histories())).isEqualTo(expected);
        assertThat(indexes(EventLog.table(generation + 1))).isEqualTo(indexes(EventLog.table(generation))).isEqualTo(5);

        // the new generation follows the topics
        Mission late = Mission.of(id(), id());
        late.started("2043-01-15").send();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.cci()).when().get("/targets/2043").then().statusCode(200)
                        .body("supportedSmes", equalTo(1)));
        // the count the status reads is kept, not counted: it must still be what the table holds
        assertThat(status().getLong("events")).isEqualTo(rows(EventLog.table(generation + 1))).isGreaterThan(events);
    }

    /** A log that holds events from before the read model existed (migration V5 marks it so). */
    @Test
    void aLogWithoutItsReadModelGetsItFromARebuildStartedByTheFirstReport() throws Exception {
        Map<String, String> expected = figures(List.of());
        int generation = status().getInt("generation");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE event_log_generation SET figures_complete = FALSE");
        }
        given().auth().oauth2(Tokens.analyst()).when().get("/yearly").then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", notNullValue());
        await().atMost(Duration.ofSeconds(120)).until(() -> "SWITCHED".equals(rebuildStatus().getString("state"))
                && rebuildStatus().getInt("toGeneration") == generation + 1);
        assertThat(figures(List.of())).isEqualTo(expected);
    }

    @Test
    void aRebuildStoppedMidwayResumesFromItsCheckpointWithTheSameFigures() throws Exception {
        long events = status().getLong("events");
        Map<String, String> expected = figures(histories());
        int generation = status().getInt("generation");

        // the replica "dies" while writing its third batch: that batch is rolled back, those committed before are kept
        // (with parallel streams, another stream's batch in flight may still commit: its checkpoint commits with it)
        AtomicInteger batches = new AtomicInteger();
        AtomicInteger committed = new AtomicInteger();
        seams.smallBatches(300);
        seams.onBatchCommit(() -> {
            if (batches.incrementAndGet() == 3) {
                throw new IllegalStateException("simulated crash");
            }
            committed.incrementAndGet();
        });
        try {
            given().auth().oauth2(Tokens.cci()).when().post("/events/rebuild").then().statusCode(202);
            await().atMost(Duration.ofSeconds(60)).until(() -> "FAILED".equals(rebuildStatus().getString("state")));
        } finally {
            seams.reset();
        }
        // the current generation still serves every report, unchanged
        assertThat(status().getInt("generation")).isEqualTo(generation);
        assertThat(figures(histories())).isEqualTo(expected);

        // what the database says, for every instance: a failed rebuild, two batches in
        JsonPath failed = rebuildStatus();
        assertThat(failed.getString("problem")).contains("simulated crash");
        assertThat(failed.getString("finishedAt")).isNotNull();
        long copiedBeforeTheCrash = failed.getLong("read");
        assertThat(copiedBeforeTheCrash).isPositive().isLessThanOrEqualTo(committed.get() * 300L);
        assertThat(failed.getLong("total")).isGreaterThanOrEqualTo(sent + sent / 10);
        assertThat(failed.getInt("toGeneration")).isEqualTo(generation + 1);

        // started again, it resumes from the checkpoint: every record read exactly once over both runs
        given().auth().oauth2(Tokens.cci()).when().post("/events/rebuild").then().statusCode(202);
        await().atMost(Duration.ofSeconds(120)).until(() -> "SWITCHED".equals(rebuildStatus().getString("state")));
        JsonPath resumed = rebuildStatus();
        assertThat(resumed.getBoolean("resumed")).isTrue();
        assertThat(resumed.getInt("toGeneration")).isEqualTo(generation + 1);
        assertThat(resumed.getLong("read")).isEqualTo(resumed.getLong("total")).isEqualTo(failed.getLong("total"));
        assertThat(status().getInt("generation")).isEqualTo(generation + 1);
        assertThat(status().getLong("events")).isEqualTo(events);
        assertThat(figures(histories())).isEqualTo(expected);
        assertThat(indexes(EventLog.table(generation + 1))).isEqualTo(5);
        assertThat(positionsLeft()).as("no checkpoint left").isZero();
    }

    @Test
    void anEventAppendedWhileTheRebuildStartsAndTheParkedRecordsAreTreatedAsLive() {
        // a poison replayed with a corrected value (the live log holds the corrected event) and one left parked
        Mission corrected = Mission.of(id(), id());
        JsonPath nul = PoisonRecordsIT.parkedBeforeProposal(corrected, "MissionDeclined",
                corrected.event("MissionDeclined").with("party", "SME").with("reason", "a-b"), "\"reason\":\"a-b\"",
                "\"reason\":\"a\\\\u0000b\"");
        ParkedRecordsApi.assertReplayApplies(nul.getLong("id"), nul.getString("value").replace("a\\u0000b", "ab"));
        Mission parked = Mission.of(id(), id());
        JsonPath seven = PoisonRecordsIT.parkedBeforeProposal(parked, "TimeLogged",
                parked.logged(id(), "2044-03-02", 7, null), "\"hours\":[0-9.]+", "\"hours\":\"seven\"");
        awaitNoRebuildRunning();

        // an event appended once the rebuild has read the end offsets, and stored by the live consumer before the
        // copy starts: beyond what the copy reads, so the switch-over must bring it
        Mission between = Mission.of(id(), id());
        seams.onEndOffsets(() -> {
            between.event("MissionProposed").version(0).send();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    PoisonRecordsIT.history(between.missionId()).statusCode(200));
        });
        try {
            given().auth().oauth2(Tokens.cci()).when().post("/events/rebuild").then().statusCode(202);
            await().atMost(Duration.ofSeconds(120)).until(() -> "SWITCHED".equals(rebuildStatus().getString("state")));
        } finally {
            seams.onEndOffsets(() -> { });
        }
        PoisonRecordsIT.history(between.missionId()).statusCode(200).body("events.type", contains("MissionProposed"));
        PoisonRecordsIT.history(corrected.missionId()).statusCode(200)
                .body("events.type", containsInAnyOrder("MissionProposed", "MissionDeclined"))
                .body("events.find { it.type == 'MissionDeclined' }.details.reason", equalTo("ab"));
        given().auth().oauth2(Tokens.cci()).when().get("/admin/parked-records/" + seven.getLong("id")).then()
                .statusCode(200).body("replayedAt", nullValue())
                .body("attempts", equalTo(seven.getInt("attempts") + 1));
    }
}
