package fr.alize.matching.pool;

import fr.alize.matching.PoolFeed;
import fr.alize.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static fr.alize.matching.PoolFeed.NEEDS;
import static fr.alize.matching.PoolFeed.VOLUNTEERS;
import static fr.alize.matching.PoolFeed.event;
import static fr.alize.matching.PoolFeed.send;
import static fr.alize.matching.PoolFeed.uuid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The pool follows the needs and volunteers topics: real records, duplicates, and events out of order. */
@QuarkusTest
class CandidatePoolIT {

    @Inject
    CandidatePool pool;
    @Inject
    PoolReader reader;

    @BeforeAll
    static void topicsExist() {
        PoolFeed.topicsExist();
    }

    static JsonPath candidates(String needId) {
        return given().auth().oauth2(Tokens.cci()).queryParam("exclusions", true)
                .when().get("/needs/" + needId + "/candidates")
                .then().statusCode(200).extract().jsonPath();
    }

    static JsonPath awaitCandidates(String needId, java.util.function.Predicate<JsonPath> until) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var response = given().auth().oauth2(Tokens.cci()).queryParam("exclusions", true)
                    .when().get("/needs/" + needId + "/candidates");
            return response.statusCode() == 200 ? response.jsonPath() : null;
        }, json -> json != null && until.test(json));
    }

    private final String skill = PoolFeed.uniqueSkill();

    Map<String, Object> profile(String volunteerId, String partnerId, int level, String commune) {
        return Map.of("volunteerId", volunteerId, "partnerId", partnerId, "communeCode", commune,
                "skills", List.of(Map.of("skillId", skill, "level", level)));
    }

    @Test
    void anUpdateSeenBeforeTheRegistrationStillEndsInTheUpdatedProfile() {
        String need = uuid();
        String volunteer = uuid();
        String partner = uuid();
        PoolFeed.needPublished(need, uuid(), skill, "59606");
        // version 1 first, then version 0 (twice): the registration must not undo the update
        send(VOLUNTEERS, "VolunteerUpdated", volunteer, 1, event("VolunteerUpdated", profile(volunteer, partner, 4, "59014")));
        String registration = event("VolunteerRegistered", profile(volunteer, partner, 1, "62041"));
        String eventId = send(VOLUNTEERS, "VolunteerRegistered", volunteer, 0, registration);
        send(VOLUNTEERS, "VolunteerRegistered", volunteer, 0, registration, eventId);
        // a marker on the same partition order: a later volunteer whose arrival means the above was read
        String marker = uuid();
        PoolFeed.volunteerRegistered(marker, partner, skill, 2, "59606");

        JsonPath ranking = awaitCandidates(need, json -> json.getList("candidates.volunteerId").containsAll(List.of(volunteer, marker)));
        Map<String, Object> parts = ranking.getMap("candidates.find { it.volunteerId == '" + volunteer + "' }.parts");
        assertThat(parts.get("skills")).isEqualTo(1.0f); // level 4 from the update, not 1 from the registration
        assertThat(parts.get("proximity")).isEqualTo(0.75f); // Anzin, same EPCI as Valenciennes
        assertThat(reader.volunteer(volunteer)).isEqualTo(pool.index().volunteer(volunteer));
    }

    @Test
    void aPauseThatArrivesAfterALaterResumeLeavesTheVolunteerActiveAndPausedOnesAreReportedAsExcluded() {
        String need = uuid();
        String active = uuid();
        String paused = uuid();
        String partner = uuid();
        PoolFeed.needPublished(need, uuid(), skill, "59606");
        PoolFeed.volunteerRegistered(active, partner, skill, 3, "59606");
        send(VOLUNTEERS, "VolunteerResumed", active, 2, event("VolunteerResumed", Map.of("volunteerId", active, "partnerId", partner)));
        send(VOLUNTEERS, "VolunteerPaused", active, 1, event("VolunteerPaused", Map.of("volunteerId", active, "partnerId", partner)));
        PoolFeed.volunteerRegistered(paused, partner, skill, 3, "59606");
        send(VOLUNTEERS, "VolunteerPaused", paused, 1, event("VolunteerPaused", Map.of("volunteerId", paused, "partnerId", partner)));

        JsonPath ranking = awaitCandidates(need, json -> json.getList("exclusions.volunteerId").contains(paused)
                && json.getList("candidates.volunteerId").contains(active));
        assertThat(ranking.getString("exclusions.find { it.volunteerId == '" + paused + "' }.reason")).isEqualTo("PAUSED");
        assertThat(ranking.getList("exclusions.volunteerId")).doesNotContain(active);
    }

    @Test
    void aPartnerFarBelowItsPledgeRanksItsVolunteerHigher() {
        String need = uuid();
        String pledged = uuid();
        String unpledged = uuid();
        String partnerWithPledge = uuid();
        PoolFeed.needPublished(need, uuid(), skill, "59606");
        send(VOLUNTEERS, "PartnerPledgeSet", partnerWithPledge, 1, event("PartnerPledgeSet",
                Map.of("partnerId", partnerWithPledge, "year", 2027, "pledgedDays", 50)));
        PoolFeed.volunteerRegistered(unpledged, uuid(), skill, 3, "59606");
        PoolFeed.volunteerRegistered(pledged, partnerWithPledge, skill, 3, "59606");

        JsonPath ranking = awaitCandidates(need, json -> json.getList("candidates.volunteerId").containsAll(List.of(pledged, unpledged))
                && json.getFloat("candidates.find { it.volunteerId == '" + pledged + "' }.parts.spread") == 1.0f);
        assertThat(ranking.getFloat("candidates.find { it.volunteerId == '" + unpledged + "' }.parts.spread")).isEqualTo(0.5f);
    }

    @Test
    void aNeedAmendedWithdrawnAndSeenTwiceEndsClosedWithItsLatestContent() {
        String need = uuid();
        String sme = uuid();
        PoolFeed.needPublished(need, sme, skill, "59606");
        String amended = event("NeedAmended", Map.of("needId", need, "smeId", sme, "effortDays", 12));
        String amendmentId = send(NEEDS, "NeedAmended", need, 1, amended);
        send(NEEDS, "NeedWithdrawn", need, 2, event("NeedWithdrawn", Map.of("needId", need, "smeId", sme)));
        send(NEEDS, "NeedAmended", need, 1, amended, amendmentId);

        JsonPath ranking = awaitCandidates(need, json -> "CLOSED".equals(json.getString("needStatus")));
        assertThat(ranking.getString("needId")).isEqualTo(need);
        assertThat(pool.index().need(need).effortDays()).isEqualTo(12.0);
        assertThat(reader.need(need)).isEqualTo(pool.index().need(need));
    }

    @Test
    void theIndexRebuiltFromTheTablesHoldsWhatTheLiveIndexHolds() {
        String volunteer = uuid();
        PoolFeed.volunteerRegistered(volunteer, uuid(), skill, 2, "59606");
        await().atMost(Duration.ofSeconds(30)).until(() -> pool.index().volunteer(volunteer) != null);
        CandidateIndex rebuilt = reader.loadAll();
        assertThat(rebuilt.volunteer(volunteer)).isEqualTo(pool.index().volunteer(volunteer));
        assertThat(rebuilt.size()).isEqualTo(pool.index().size());
    }

    @Test
    void anUnknownNeedHasNoRankingAndOnlyTheCciMayRank() {
        given().auth().oauth2(Tokens.cci()).when().get("/needs/" + uuid() + "/candidates")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.cci()).when().get("/needs/not-a-uuid/candidates")
                .then().statusCode(400).contentType("application/problem+json");
        given().when().get("/needs/" + uuid() + "/candidates").then().statusCode(401);
        for (String token : List.of(Tokens.sme(uuid()), Tokens.volunteer(uuid()), Tokens.partnerHr(uuid()), Tokens.analyst())) {
            given().auth().oauth2(token).when().get("/needs/" + uuid() + "/candidates").then().statusCode(403);
        }
    }
}
