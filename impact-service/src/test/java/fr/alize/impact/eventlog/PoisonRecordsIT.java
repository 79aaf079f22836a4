package fr.alize.impact.eventlog;

import fr.alize.impact.TestEvents;
import fr.alize.impact.TestEvents.Mission;
import fr.alize.testing.ParkedRecordsApi;
import fr.alize.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static fr.alize.impact.TestEvents.id;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * A record the event log can never take is parked and the consumer goes on: each poison is produced straight onto
 * the real missions topic, as a foreign or buggy producer would, then a valid event of the same mission (same key, so
 * the same partition, after it). A rebuild meets the same records and treats them the same way.
 */
@QuarkusTest
class PoisonRecordsIT {

    @BeforeAll
    static void topics() {
        TestEvents.topicsExist();
    }

    static ValidatableResponse history(String missionId) {
        return given().auth().oauth2(Tokens.analyst()).when().get("/missions/" + missionId + "/history").then();
    }

    /**
     * Produces the poison (the event's value with the first match of {@code from}, a regular expression, replaced),
     * then the mission's proposal; returns the parked row.
     */
    /** {@code from} is a regular expression; it must match in the poison's own field, not inside one of its ids. */
    static JsonPath parkedBeforeProposal(Mission mission, String type, TestEvents.Event poison, String from, String to) {
        String value = poison.json().replaceFirst(from, to);
        assertThat(value).as("the poison differs from the valid event").isNotEqualTo(poison.json());
        ParkedRecordsApi.produce(TestEvents.MISSIONS, mission.missionId(), value,
                ParkedRecordsApi.headers(type, poison.eventId(), mission.missionId()));
        mission.event("MissionProposed").version(0).send();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                history(mission.missionId()).statusCode(200).body("events.type", contains("MissionProposed")));
        return ParkedRecordsApi.awaitParked(EventLog.CONSUMER, mission.missionId());
    }

    @Test
    void aRefusalReasonHoldingNulIsParkedAndAppliedOnceWhenReplayedCorrected() {
        Mission mission = Mission.of(id(), id());
        TestEvents.Event declined = mission.event("MissionDeclined").with("party", "VOLUNTEER").with("reason", "x-y");
        JsonPath parked = parkedBeforeProposal(mission, "MissionDeclined", declined, "\"reason\":\"x-y\"",
                "\"reason\":\"x\\\\u0000y\"");
        assertThat(parked.getString("reason")).contains("U+0000");
        assertThat(parked.getString("eventId")).isEqualTo(declined.eventId());

        ParkedRecordsApi.assertReplayApplies(parked.getLong("id"), parked.getString("value").replace("x\\u0000y", "xy"));
        history(mission.missionId()).statusCode(200).body("events", hasSize(2))
                .body("events.type", containsInAnyOrder("MissionProposed", "MissionDeclined"))
                .body("events.find { it.type == 'MissionDeclined' }.details.reason", equalTo("xy"));
    }

    @Test
    void hoursThatAreNotANumberAreParkedSoThatNoReportBreaks() {
        Mission mission = Mission.of(id(), id());
        TestEvents.Event logged = mission.logged(id(), "2044-03-02", 7, null);
        JsonPath parked = parkedBeforeProposal(mission, "TimeLogged", logged, "\"hours\":[0-9.]+", "\"hours\":\"seven\"");
        assertThat(parked.getString("reason")).contains("TimeLogged.hours must be a number");
        given().auth().oauth2(Tokens.analyst()).when().get("/contributions/2044").then().statusCode(200);
        ParkedRecordsApi.assertReplayStillParked(parked.getLong("id"));
    }

    @Test
    void aValueThatIsNotJsonAndAnIdTooLongAreParked() {
        Mission mission = Mission.of(id(), id());
        ParkedRecordsApi.produce(TestEvents.MISSIONS, mission.missionId(), "{\"missionId\":",
                ParkedRecordsApi.headers("MissionAccepted", UUID.randomUUID().toString(), mission.missionId()));
        ParkedRecordsApi.produce(TestEvents.MISSIONS, mission.missionId(), mission.event("MissionAccepted")
                        .with("party", "SME").json(),
                ParkedRecordsApi.headers("MissionAccepted", ParkedRecordsApi.TOO_LONG_ID, mission.missionId()));
        mission.event("MissionProposed").version(0).send();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                history(mission.missionId()).statusCode(200).body("events.type", contains("MissionProposed")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(given().auth().oauth2(Tokens.cci())
                .queryParam("consumer", EventLog.CONSUMER).when().get("/admin/parked-records").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.key == '" + mission.missionId() + "' }.reason", String.class))
                .anySatisfy(reason -> assertThat(reason).contains("not JSON"))
                .anySatisfy(reason -> assertThat(reason).contains("too long")));
    }
}
