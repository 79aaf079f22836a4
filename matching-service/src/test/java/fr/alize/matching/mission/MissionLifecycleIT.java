package fr.alize.matching.mission;

import fr.alize.matching.PoolFeed;
import fr.alize.matching.TestClock;
import fr.alize.testing.EventContracts;
import fr.alize.testing.EventStoreRows;
import fr.alize.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static fr.alize.matching.mission.MissionFixture.get;
import static fr.alize.matching.mission.MissionFixture.post;
import static fr.alize.matching.mission.MissionFixture.recordsOf;
import static fr.alize.platform.events.EventEnvelope.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** A mission from proposal to completion through the API, each party doing its part, and its events on the topic. */
@QuarkusTest
class MissionLifecycleIT {

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void topicsExist() {
        PoolFeed.topicsExist();
    }

    @Test
    void proposedAcceptedByTheThreePartiesStartedLoggedAndCompleted() {
        MissionFixture f = MissionFixture.inPool();
        String missionId = f.propose();
        String path = "/missions/" + missionId;

        get(f.sme(), path).statusCode(200).body("state", equalTo("PROPOSED")).body("proposedBy", equalTo("CCI"))
                .body("smeId", equalTo(f.smeId())).body("partnerId", equalTo(f.partnerId())).body("score", notNullValue());
        post(f.volunteer(), path + "/acceptance", null).statusCode(200).body("acceptedBy", containsInAnyOrder("VOLUNTEER"));
        post(f.sme(), path + "/acceptance", "{}").statusCode(200).body("state", equalTo("PROPOSED"));
        post(f.employer(), path + "/acceptance", null).statusCode(200)
                .body("state", equalTo("STARTED")).body("startDate", equalTo(TestClock.TODAY.toString()));

        String entry = post(f.volunteer(), path + "/time-entries", "{\"date\": \"2027-02-01\", \"hours\": 6}")
                .statusCode(201).extract().path("entryId");
        post(f.volunteer(), path + "/time-entries", "{\"date\": \"2027-02-01\", \"hours\": 5}")
                .statusCode(400).body("errors.field", containsInAnyOrder("hours"));
        post(f.volunteer(), path + "/time-entries", "{\"date\": \"2027-02-01\", \"hours\": 3.5, \"correctsEntryId\": \"" + entry + "\"}")
                .statusCode(201);
        get(f.employer(), path).statusCode(200).body("hoursLogged", equalTo(3.5f)).body("timeEntries", hasSize(2))
                .body("timeEntries[0].replacedBy", notNullValue()).body("timeEntries[1].correctsEntryId", equalTo(entry));

        post(f.sme(), path + "/completion", "{\"outcome\": \"Spec delivered\", \"satisfaction\": 5}")
                .statusCode(200).body("state", equalTo("COMPLETED")).body("completedOn", equalTo("2027-02-01"))
                .body("satisfaction", equalTo(5));
        post(f.volunteer(), path + "/time-entries", "{\"date\": \"2027-02-01\", \"hours\": 1}")
                .statusCode(409).contentType("application/problem+json").body("detail", containsString("COMPLETED"));
        post(Tokens.cci(), path + "/cancellation", "{\"reason\": \"too late\"}")
                .statusCode(409).body("detail", containsString("COMPLETED"));

        List<ConsumerRecord<String, String>> records = recordsOf(missionId, 8);
        assertThat(records).extracting(r -> header(r, "ce_type")).containsExactly("MissionProposed", "MissionAccepted",
                "MissionAccepted", "MissionAccepted", "MissionStarted", "TimeLogged", "TimeLogged", "MissionCompleted");
        assertThat(records).extracting(r -> header(r, "ce_actorrole")).containsExactly("cci", "volunteer", "sme",
                "partner-hr", "partner-hr", "volunteer", "volunteer", "sme");
        records.forEach(EventContracts::assertConforms);
    }

    @Test
    void theStartDateComesWithTheLastAcceptance() {
        MissionFixture f = MissionFixture.inPool();
        String missionId = f.started("2027-02-01");
        get(Tokens.cci(), "/missions/" + missionId).statusCode(200).body("state", equalTo("STARTED"))
                .body("startDate", equalTo("2027-02-01"));
        long events = EventStoreRows.count(dataSource);
        post(f.volunteer(), "/missions/" + missionId + "/time-entries", "{\"date\": \"2027-01-31\", \"hours\": 2}")
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("date"))
                .body("errors[0].message", equalTo("is before the mission's start (2027-02-01)"));
        assertThat(EventStoreRows.count(dataSource)).isEqualTo(events);
        post(f.sme(), "/missions/" + missionId + "/acceptance", null)
                .statusCode(409).body("detail", containsString("STARTED"));
    }

    /** The need's window in the pool runs from TODAY (2027-02-01) to 2027-03-31; the proposal is made TODAY. */
    @Test
    void theLastAcceptanceCannotStartTheMissionBeforeTheProposalOrAfterToday() {
        MissionFixture f = MissionFixture.inPool();
        String missionId = f.propose();
        String path = "/missions/" + missionId + "/acceptance";
        post(f.volunteer(), path, null).statusCode(200);
        post(f.employer(), path, null).statusCode(200);
        long events = EventStoreRows.count(dataSource);

        post(f.sme(), path, "{\"startDate\": \"2027-01-31\"}").statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", contains("startDate"))
                .body("errors[0].message", equalTo("2027-01-31 is before the proposal (2027-02-01): a mission cannot start "
                        + "before it was proposed"));
        post(f.sme(), path, "{\"startDate\": \"2027-02-02\"}").statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("startDate"))
                .body("errors[0].message", containsString("is after today (2027-02-01)"));
        assertThat(EventStoreRows.count(dataSource)).isEqualTo(events);
        get(f.sme(), "/missions/" + missionId).statusCode(200).body("state", equalTo("PROPOSED"))
                .body("acceptedBy", containsInAnyOrder("VOLUNTEER", "EMPLOYER"));

        post(f.sme(), path, "{\"startDate\": \"2027-02-01\"}").statusCode(200)
                .body("state", equalTo("STARTED")).body("startDate", equalTo("2027-02-01"));
    }

    @Test
    void aRefusalEndsTheProposalAndTheVolunteerIsNotProposedAgainForThatNeed() {
        MissionFixture f = MissionFixture.inPool();
        String missionId = f.propose();
        f.propose(Tokens.cci()).statusCode(409).body("detail", containsString("ALREADY_PROPOSED"));
        post(f.employer(), "/missions/" + missionId + "/refusal", "{\"reason\": \"Year-end closing\"}")
                .statusCode(200).body("state", equalTo("DECLINED")).body("declinedBy", equalTo("EMPLOYER"))
                .body("declineReason", equalTo("Year-end closing"));
        post(f.volunteer(), "/missions/" + missionId + "/acceptance", null)
                .statusCode(409).body("detail", containsString("DECLINED"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.cci())
                .queryParam("exclusions", true).when().get("/needs/" + f.needId() + "/candidates")
                .then().statusCode(200)
                .body("exclusions.find { it.volunteerId == '" + f.volunteerId() + "' }.reason", equalTo("EMPLOYER_REFUSED"))
                .body("candidates.find { it.volunteerId == '" + f.volunteerId() + "' }", nullValue()));
        f.propose(Tokens.cci()).statusCode(409).body("detail", containsString("EMPLOYER_REFUSED"));

        ConsumerRecord<String, String> declined = recordsOf(missionId, 2).get(1);
        assertThat(header(declined, "ce_type")).isEqualTo("MissionDeclined");
        EventContracts.assertConforms(declined);
    }

    @Test
    void theCciCancelsARunningMissionWithAReasonAndItStopsCountingAsLoad() {
        MissionFixture f = MissionFixture.inPool();
        String missionId = f.started("2027-02-01");
        post(Tokens.cci(), "/missions/" + missionId + "/cancellation", "{\"reason\": \"The SME closed\"}")
                .statusCode(200).body("state", equalTo("CANCELLED")).body("cancelReason", equalTo("The SME closed"));
        post(f.sme(), "/missions/" + missionId + "/completion", "{\"outcome\": \"x\", \"satisfaction\": 3}")
                .statusCode(409).body("detail", containsString("CANCELLED"));

        List<ConsumerRecord<String, String>> records = recordsOf(missionId, 6);
        assertThat(header(records.get(5), "ce_type")).isEqualTo("MissionCancelled");
        records.forEach(EventContracts::assertConforms);
    }

    @Test
    void aRunningMissionLowersTheVolunteersLoadScoreForOtherNeeds() {
        MissionFixture f = MissionFixture.inPool();
        f.started("2027-02-01");
        String otherNeed = PoolFeed.uuid();
        PoolFeed.needPublished(otherNeed, PoolFeed.uuid(), f.skill(), "59606");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.cci())
                .when().get("/needs/" + otherNeed + "/candidates").then().statusCode(200)
                .body("candidates.find { it.volunteerId == '" + f.volunteerId() + "' }.parts.load", equalTo(0.5f)));
    }
}
