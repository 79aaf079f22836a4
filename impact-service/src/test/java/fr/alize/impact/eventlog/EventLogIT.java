package fr.alize.impact.eventlog;

import fr.alize.impact.TestEvents;
import fr.alize.impact.TestEvents.Mission;
import fr.alize.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static fr.alize.impact.TestEvents.id;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** The event log: every documented type kept once, unknown types skipped and counted without stopping anything. */
@QuarkusTest
class EventLogIT {

    @BeforeEach
    void topics() {
        TestEvents.topicsExist();
    }

    static long events() {
        return given().auth().oauth2(Tokens.cci()).when().get("/events/status").then().statusCode(200)
                .extract().jsonPath().getLong("events");
    }

    static long unknown(String type) {
        Long count = given().auth().oauth2(Tokens.analyst()).when().get("/events/status").then().statusCode(200)
                .extract().jsonPath().getObject("unknownTypesSkipped." + type, Long.class);
        return count == null ? 0 : count;
    }

    @Test
    void theDocumentedExampleOfEveryTypeIsKeptOnceEvenWhenSentTwice() {
        long before = events();
        for (String type : EventTypes.KNOWN) {
            TestEvents.Event event = TestEvents.event(type);
            event.send();
            event.send();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> events() == before + EventTypes.KNOWN.size());
        // and nothing more arrives later: a marker on each topic is the last to count
        for (String type : List.of("SmeApproved", "VolunteerPaused", "MissionCancelled")) {
            TestEvents.event(type).send();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> events() == before + EventTypes.KNOWN.size() + 3);
    }

    @Test
    void anUnknownTypeIsSkippedCountedOnceAndTheNextEventsStillCount() {
        long before = unknown("MissionRenegotiated");
        Mission mission = Mission.of(id(), id());
        TestEvents.Event newer = TestEvents.unknown("MissionRenegotiated", TestEvents.MISSIONS);
        newer.send();
        newer.send(); // the same event again
        TestEvents.unknown("NeedTranslated", TestEvents.NEEDS).send();
        mission.event("MissionProposed").send();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.cci()).when().get("/missions/" + mission.missionId() + "/history")
                        .then().statusCode(200).body("events", hasSize(1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> unknown("MissionRenegotiated") == before + 1);
        // NeedTranslated travels on the needs topic, read by another consumer: nothing orders it with the missions
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.cci()).when().get("/events/status").then().statusCode(200)
                        .body("unknownTypesSkipped.NeedTranslated", equalTo(1)));
    }

    @Test
    void theStatusIsForTheCciAndAnalystsAndTheRebuildForTheCciOnly() {
        given().when().get("/events/status").then().statusCode(401);
        given().auth().oauth2(Tokens.sme(id())).when().get("/events/status").then().statusCode(403);
        given().auth().oauth2(Tokens.analyst()).when().post("/events/rebuild").then().statusCode(403);
        given().auth().oauth2(Tokens.analyst()).when().get("/events/rebuild").then().statusCode(403);
        given().auth().oauth2(Tokens.volunteer(id())).when().post("/events/rebuild").then().statusCode(403);
        given().when().post("/events/rebuild").then().statusCode(401);
    }
}
