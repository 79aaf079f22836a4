package fr.alize.matching.mission;

import fr.alize.infra.AlizeRole;
import fr.alize.matching.PoolFeed;
import fr.alize.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.alize.matching.mission.MissionFixture.get;
import static fr.alize.matching.mission.MissionFixture.post;
import static fr.alize.matching.PoolFeed.uuid;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

/** Who may see and do what on a mission, and what bad input gets. */
@QuarkusTest
class MissionAccessIT {

    private static MissionFixture f;
    private static String proposed;
    private static String running;

    @BeforeAll
    static void topicsExist() {
        PoolFeed.topicsExist();
    }

    @BeforeEach
    void aProposedAndARunningMission() {
        if (f != null) {
            return;
        }
        f = MissionFixture.inPool();
        proposed = f.propose();
        String otherVolunteer = uuid();
        PoolFeed.volunteerRegistered(otherVolunteer, f.partnerId(), f.skill(), 3, "59606");
        MissionFixture.awaitRanked(f.needId(), otherVolunteer);
        running = f.with(otherVolunteer).started("2027-02-01");
    }

    static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
    }

    @Test
    void eachPartySeesItsOwnMissionAndNoOneElsesWhetherItExistsOrNot() {
        String path = "/missions/" + proposed;
        get(Tokens.cci(), path).statusCode(200);
        get(f.sme(), path).statusCode(200);
        get(f.volunteer(), path).statusCode(200);
        get(f.employer(), path).statusCode(200);
        for (String stranger : List.of(Tokens.sme(uuid()), Tokens.volunteer(uuid()), Tokens.partnerHr(uuid()))) {
            problem(get(stranger, path), 403);
            problem(get(stranger, "/missions/" + uuid()), 403);
        }
        problem(get(Tokens.analyst(), path), 403);
        problem(get(Tokens.cci(), "/missions/" + uuid()), 404);
        problem(get(null, path), 401);
        problem(get(Tokens.builder().role(AlizeRole.CCI, null).expired().build(), path), 401);
        problem(get(Tokens.cci(), "/missions/not-a-uuid"), 400).body("errors.field", hasItem("missionId"));
    }

    @Test
    void onlyTheCciProposesAndNamesAKnownNeedAndVolunteer() {
        for (String token : List.of(f.sme(), f.volunteer(), f.employer(), Tokens.analyst())) {
            problem(f.propose(token), 403);
        }
        problem(post(null, "/missions", "{}"), 401);
        problem(post(Tokens.cci(), "/missions", "{}"), 400).body("errors.field", hasItems("needId", "volunteerId"));
        problem(post(Tokens.cci(), "/missions", "{\"needId\": \"x\", \"volunteerId\": \"" + f.volunteerId() + "\"}"), 400)
                .body("errors.field", hasItem("needId"));
        problem(post(Tokens.cci(), "/missions", "{\"needId\": \"%s\", \"volunteerId\": \"%s\"}".formatted(uuid(), f.volunteerId())), 400)
                .body("errors[0].field", equalTo("needId"));
        problem(post(Tokens.cci(), "/missions", "{\"needId\": \"%s\", \"volunteerId\": \"%s\"}".formatted(f.needId(), uuid())), 400)
                .body("errors[0].field", equalTo("volunteerId"));
        problem(post(Tokens.cci(), "/missions", "{\"needId\": "), 400);
    }

    @Test
    void onlyTheThreePartiesAcceptOrRefuseEachForItself() {
        String path = "/missions/" + proposed;
        for (String token : List.of(Tokens.cci(), Tokens.analyst(), Tokens.sme(uuid()), Tokens.volunteer(uuid()), Tokens.partnerHr(uuid()))) {
            problem(post(token, path + "/acceptance", null), 403);
            problem(post(token, path + "/refusal", "{\"reason\": \"no\"}"), 403);
        }
        problem(post(f.sme(), path + "/refusal", "{}"), 400).body("errors.field", hasItem("reason"));
        problem(given().auth().oauth2(f.sme()).contentType("application/json").when().post(path + "/refusal").then(), 400);
        problem(post(f.sme(), path + "/acceptance", "{\"startDate\": \"first of March\"}"), 400)
                .body("errors[0].field", equalTo("startDate"));
        problem(post(f.sme(), "/missions/" + uuid() + "/acceptance", null), 403);
    }

    @Test
    void onlyTheVolunteerLogsTimeWithinTheRules() {
        String path = "/missions/" + running + "/time-entries";
        String volunteer = Tokens.volunteer(get(Tokens.cci(), "/missions/" + running).extract().<String>path("volunteerId"));
        for (String token : List.of(Tokens.cci(), f.sme(), f.employer(), f.volunteer(), Tokens.analyst())) {
            problem(post(token, path, "{\"date\": \"2027-02-01\", \"hours\": 2}"), 403);
        }
        problem(post(volunteer, path, "{\"date\": \"2027-02-01\", \"hours\": 11}"), 400).body("errors.field", hasItem("hours"));
        problem(post(volunteer, path, "{\"date\": \"2027-02-01\", \"hours\": 0}"), 400).body("errors.field", hasItem("hours"));
        problem(post(volunteer, path, "{\"hours\": 2}"), 400).body("errors.field", hasItem("date"));
        problem(post(volunteer, path, "{\"date\": \"2027-02-02\", \"hours\": 2}"), 400).body("detail", containsString("future"));
        problem(post(volunteer, path, "{\"date\": \"2027-02-01\", \"hours\": 2, \"correctsEntryId\": \"" + uuid() + "\"}"), 400)
                .body("errors.field", hasItem("correctsEntryId"));
        problem(post(volunteer, "/missions/" + proposed + "/time-entries", "{\"date\": \"2027-02-01\", \"hours\": 2}"), 403);
        problem(post(f.volunteer(), "/missions/" + proposed + "/time-entries", "{\"date\": \"2027-02-01\", \"hours\": 2}"), 409)
                .body("detail", containsString("PROPOSED"));
    }

    @Test
    void onlyTheSmeCompletesAndOnlyTheCciCancels() {
        String path = "/missions/" + running;
        for (String token : List.of(Tokens.cci(), f.employer(), Tokens.volunteer(uuid()), Tokens.sme(uuid()), Tokens.analyst())) {
            problem(post(token, path + "/completion", "{\"outcome\": \"Done\", \"satisfaction\": 4}"), 403);
        }
        problem(post(f.sme(), path + "/completion", "{\"outcome\": \"\", \"satisfaction\": 6}"), 400)
                .body("errors.field", hasItems("outcome", "satisfaction"));
        problem(post(f.sme(), path + "/completion", "{\"outcome\": \"Done\", \"satisfaction\": 4, \"completedOn\": \"2027-01-01\"}"), 400)
                .body("errors.field", hasItem("completedOn"));
        problem(post(f.sme(), "/missions/" + proposed + "/completion", "{\"outcome\": \"Done\", \"satisfaction\": 4}"), 409)
                .body("detail", containsString("PROPOSED"));
        for (String token : List.of(f.sme(), f.employer(), f.volunteer(), Tokens.analyst())) {
            problem(post(token, path + "/cancellation", "{\"reason\": \"x\"}"), 403);
        }
        problem(post(Tokens.cci(), path + "/cancellation", "{}"), 400).body("errors.field", hasItem("reason"));
        problem(post(Tokens.cci(), "/missions/" + uuid() + "/cancellation", "{\"reason\": \"x\"}"), 404);
    }
}
