package fr.alize.impact.history;

import fr.alize.impact.TestEvents;
import fr.alize.impact.TestEvents.Mission;
import fr.alize.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static fr.alize.impact.TestEvents.id;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/** A mission's history and an SME's timeline, read from real records of the three topics. */
@QuarkusTest
class MissionHistoryIT {

    static final Instant T0 = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    @BeforeAll
    static void topics() {
        TestEvents.topicsExist();
    }

    static ValidatableResponse history(String token, String missionId, String query) {
        return given().auth().oauth2(token).when().get("/missions/" + missionId + "/history" + query).then();
    }

    /** A mission from proposal to completion, its events sent out of order and one twice; the SME applied meanwhile. */
    static Mission runMission() {
        String smeId = id();
        Mission mission = Mission.of(smeId, id());
        TestEvents.event("SmeApplied").with("smeId", smeId).occurredAt(T0.minusSeconds(60)).by("cci", "coordinator-7")
                .recordedAt(T0.minusSeconds(60)).send();
        TestEvents.event("NeedPublished").with("needId", mission.needId()).with("smeId", smeId)
                .occurredAt(T0.minusSeconds(30)).by("sme", "florist-manager").recordedAt(T0.minusSeconds(30)).send();
        TestEvents.Event accepted = mission.event("MissionAccepted").with("party", "VOLUNTEER").version(1)
                .occurredAt(T0.plusSeconds(60)).by("volunteer", mission.volunteerId()).recordedAt(T0.plusSeconds(60));
        accepted.send();
        mission.event("MissionProposed").with("proposedBy", "CCI").version(0).occurredAt(T0)
                .by("cci", "coordinator-7").recordedAt(T0).send();
        accepted.send(); // the same event again
        mission.started("2031-02-01").version(2).occurredAt(T0.plusSeconds(120)).by("cci", "coordinator-7")
                .recordedAt(T0.plusSeconds(120)).send();
        mission.event("MissionCompleted").with("completedOn", "2031-03-01").version(3).occurredAt(T0.plusSeconds(3600))
                .by("sme", "florist-manager").recordedAt(T0.plusSeconds(3600)).send();
        return mission;
    }

    @Test
    void everyEventOfAMissionInOrderWithWhoDidItAndWhen() {
        Mission mission = runMission();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                history(Tokens.analyst(), mission.missionId(), "").statusCode(200).body("events", hasSize(4)));
        history(Tokens.analyst(), mission.missionId(), "").statusCode(200)
                .body("missionId", equalTo(mission.missionId()))
                .body("needId", equalTo(mission.needId()))
                .body("smeId", equalTo(mission.smeId()))
                .body("events.type", contains("MissionProposed", "MissionAccepted", "MissionStarted", "MissionCompleted"))
                .body("events.sequence", contains(1, 2, 3, 4))
                .body("events.actorRole", contains("cci", "volunteer", "cci", "sme"))
                .body("events.actorId", contains("coordinator-7", mission.volunteerId(), "coordinator-7", "florist-manager"))
                .body("events[0].occurredAt", startsWith(T0.toString().substring(0, 19)))
                .body("events[1].details.party", equalTo("VOLUNTEER"))
                .body("events[2].details.startDate", equalTo("2031-02-01"))
                .body("events[3].partnerId", equalTo(mission.partnerId()));
    }

    @Test
    void asOfATimeOnlyTheEventsRecordedByThenCount() {
        Mission mission = runMission();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                history(Tokens.cci(), mission.missionId(), "").statusCode(200).body("events", hasSize(4)));

        history(Tokens.cci(), mission.missionId(), "?asOf=" + T0.plusSeconds(90)).statusCode(200)
                .body("events.type", contains("MissionProposed", "MissionAccepted"));
        history(Tokens.cci(), mission.missionId(), "?asOf=" + T0.minusSeconds(1)).statusCode(404)
                .contentType("application/problem+json");
        history(Tokens.cci(), mission.missionId(), "?asOf=yesterday").statusCode(400)
                .body("errors.field", contains("asOf"));
    }

    @Test
    void anSmeTimelineShowsItsApplicationNeedsAndMissions() {
        Mission mission = runMission();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.analyst()).when().get("/smes/" + mission.smeId() + "/timeline")
                        .then().statusCode(200).body("events", hasSize(6)));
        given().auth().oauth2(Tokens.analyst()).when().get("/smes/" + mission.smeId() + "/timeline")
                .then().statusCode(200)
                .body("events.type", contains("SmeApplied", "NeedPublished", "MissionProposed", "MissionAccepted",
                        "MissionStarted", "MissionCompleted"))
                .body("events[1].needId", equalTo(mission.needId()));
        given().auth().oauth2(Tokens.cci()).when().get("/smes/" + id() + "/timeline")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aMissionHistoryAsCsvHasStableColumnsAndASemicolonOption() {
        Mission mission = runMission();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                history(Tokens.analyst(), mission.missionId(), "").statusCode(200).body("events", hasSize(4)));

        String csv = given().auth().oauth2(Tokens.analyst()).accept("text/csv")
                .when().get("/missions/" + mission.missionId() + "/history?sep=semicolon")
                .then().statusCode(200).contentType("text/csv; charset=UTF-8").extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("sequence;type;occurredAt;recordedAt;actorRole;actorId;missionId;needId;smeId;"
                + "volunteerId;partnerId;details");
        assertThat(lines).hasSize(5);
        assertThat(lines.get(2)).startsWith("2;MissionAccepted;").contains(";volunteer;" + mission.volunteerId() + ";")
                .endsWith(";\"{\"\"party\"\":\"\"VOLUNTEER\"\"}\"");

        String comma = given().auth().oauth2(Tokens.analyst())
                .when().get("/missions/" + mission.missionId() + "/history?format=csv")
                .then().statusCode(200).extract().asString();
        assertThat(comma.lines().findFirst().orElseThrow()).startsWith("sequence,type,occurredAt,");
        given().auth().oauth2(Tokens.analyst()).accept("application/json, text/csv;q=0.5")
                .when().get("/missions/" + mission.missionId() + "/history")
                .then().statusCode(200).contentType("application/json");
        history(Tokens.analyst(), mission.missionId(), "?format=xml").statusCode(400).body("errors.field", contains("format"));
        history(Tokens.analyst(), mission.missionId(), "?format=csv&sep=tab").statusCode(400).body("errors.field", contains("sep"));
    }

    @Test
    void onlyTheCciAndAnalystsReadHistories() {
        String missionId = id();
        given().when().get("/missions/" + missionId + "/history").then().statusCode(401);
        for (String token : List.of(Tokens.sme(id()), Tokens.partnerHr(id()), Tokens.volunteer(id()))) {
            history(token, missionId, "").statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(token).when().get("/smes/" + id() + "/timeline").then().statusCode(403);
        }
        history(Tokens.cci(), missionId, "").statusCode(404);
    }
}
