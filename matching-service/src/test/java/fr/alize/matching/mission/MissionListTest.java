package fr.alize.matching.mission;

import fr.alize.matching.PoolFeed;
import fr.alize.testing.Tokens;
import fr.alize.platform.jdbc.Jdbc;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.alize.matching.PoolFeed.uuid;
import static fr.alize.matching.mission.MissionAccessTest.problem;
import static fr.alize.matching.mission.MissionFixture.get;
import static fr.alize.matching.mission.MissionFixture.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** GET /missions: each role lists only its part, with filters and stable paging, and at once after each change. */
@QuarkusTest
class MissionListTest {

    @Inject
    MissionList missions;
    @Inject
    Jdbc jdbc;

    private static MissionFixture a;
    private static MissionFixture b;
    private static String first;
    private static String second;
    private static String other;
    private static String secondVolunteer;

    @BeforeAll
    static void topicsExist() {
        PoolFeed.topicsExist();
    }

    /** Once (rest-assured knows the port only once Quarkus runs, after {@code @BeforeAll}). */
    @BeforeEach
    void twoNeedsThreeMissions() {
        if (a != null) {
            return;
        }
        a = MissionFixture.inPool();
        first = a.propose();
        secondVolunteer = uuid();
        PoolFeed.volunteerRegistered(secondVolunteer, a.partnerId(), a.skill(), 2, "59350");
        MissionFixture.awaitRanked(a.needId(), secondVolunteer);
        second = a.with(secondVolunteer).propose();
        b = MissionFixture.inPool();
        other = b.propose();
    }

    @Test
    void theCciSeesEveryMissionFilteredAndPagedInTheOrderOfProposal() {
        get(Tokens.cci(), "/missions?needId=" + a.needId()).statusCode(200)
                .body("items.missionId", contains(first, second)).body("total", equalTo(2))
                .body("items[0].state", equalTo("PROPOSED")).body("items[0].smeId", equalTo(a.smeId()))
                .body("items[0].partnerId", equalTo(a.partnerId())).body("items[0].proposedBy", equalTo("CCI"));
        get(Tokens.cci(), "/missions?needId=" + a.needId() + "&size=1&page=1").statusCode(200)
                .body("items.missionId", contains(second)).body("total", equalTo(2)).body("page", equalTo(1))
                .body("size", equalTo(1));
        get(Tokens.cci(), "/missions?volunteerId=" + b.volunteerId()).statusCode(200).body("items.missionId", contains(other));
        get(Tokens.cci(), "/missions?smeId=" + b.smeId() + "&needId=" + a.needId()).statusCode(200).body("items", empty());
        get(Tokens.cci(), "/missions?partnerId=" + a.partnerId()).statusCode(200).body("items.missionId", contains(first, second));
    }

    @Test
    void theListFollowsEachChangeAtOnce() {
        MissionFixture f = MissionFixture.inPool();
        String missionId = f.propose();
        get(f.volunteer(), "/missions").statusCode(200).body("items.missionId", contains(missionId))
                .body("items[0].acceptedBy", empty());
        post(f.volunteer(), "/missions/" + missionId + "/acceptance", null).statusCode(200);
        get(f.sme(), "/missions").statusCode(200).body("items[0].acceptedBy", contains("VOLUNTEER"));
        post(f.employer(), "/missions/" + missionId + "/acceptance", null).statusCode(200);
        post(f.sme(), "/missions/" + missionId + "/acceptance", "{\"startDate\": \"2027-02-01\"}").statusCode(200);
        get(f.employer(), "/missions?status=started").statusCode(200).body("items.missionId", contains(missionId))
                .body("items[0].startDate", equalTo("2027-02-01"))
                .body("items[0].acceptedBy", contains("SME", "VOLUNTEER", "EMPLOYER"));
        get(f.employer(), "/missions?status=PROPOSED").statusCode(200).body("items", empty());
        post(Tokens.cci(), "/missions/" + missionId + "/cancellation", "{\"reason\": \"The SME closed\"}").statusCode(200);
        get(Tokens.cci(), "/missions?needId=" + f.needId() + "&status=CANCELLED").statusCode(200)
                .body("items.missionId", contains(missionId));
    }

    @Test
    void eachPartySeesOnlyTheMissionsItIsAPartyTo() {
        get(a.sme(), "/missions").statusCode(200).body("items.missionId", contains(first, second)).body("total", equalTo(2));
        get(b.sme(), "/missions").statusCode(200).body("items.missionId", contains(other));
        get(a.volunteer(), "/missions").statusCode(200).body("items.missionId", contains(first));
        get(Tokens.volunteer(secondVolunteer), "/missions").statusCode(200).body("items.missionId", contains(second));
        get(a.employer(), "/missions").statusCode(200).body("items.missionId", contains(first, second));
        get(b.employer(), "/missions").statusCode(200).body("items.missionId", contains(other));
        // a party naming someone else in a filter gets nothing, not someone else's missions
        get(a.volunteer(), "/missions?volunteerId=" + secondVolunteer).statusCode(200).body("items", empty())
                .body("total", equalTo(0));
        get(a.sme(), "/missions?smeId=" + b.smeId()).statusCode(200).body("items", empty());
        get(a.employer(), "/missions?needId=" + b.needId()).statusCode(200).body("items", empty());
        get(Tokens.sme(uuid()), "/missions").statusCode(200).body("items", empty());
    }

    @Test
    void missionsProposedBeforeTheListExistedAreFoldedIntoItFromTheEventStore() {
        MissionFixture f = MissionFixture.inPool();
        String missionId = f.propose();
        post(f.volunteer(), "/missions/" + missionId + "/acceptance", null).statusCode(200);
        jdbc.update("DELETE FROM mission_list WHERE mission_id = ?", missionId); // as if proposed before the list
        get(f.sme(), "/missions").statusCode(200).body("items", empty());

        assertThat(missions.fillInOlderMissions()).isEqualTo(1);
        get(f.sme(), "/missions").statusCode(200).body("items.missionId", contains(missionId))
                .body("items[0].state", equalTo("PROPOSED")).body("items[0].acceptedBy", contains("VOLUNTEER"))
                .body("items[0].volunteerId", equalTo(f.volunteerId())).body("items[0].proposedBy", equalTo("CCI"));
        assertThat(missions.fillInOlderMissions()).isZero();
    }

    @Test
    void othersAndBadQueriesAreRefused() {
        problem(get(Tokens.analyst(), "/missions"), 403);
        problem(get(null, "/missions"), 401);
        problem(get(Tokens.cci(), "/missions?status=ONGOING"), 400).body("errors.field", hasItem("status"));
        problem(get(Tokens.cci(), "/missions?needId=not-a-uuid"), 400).body("errors.field", hasItem("needId"));
        problem(get(Tokens.cci(), "/missions?size=0"), 400).body("errors.field", hasItem("size"));
        problem(get(Tokens.cci(), "/missions?page=-1"), 400).body("errors.field", hasItem("page"));
        for (String token : List.of(Tokens.cci(), a.sme())) {
            get(token, "/missions?size=101").statusCode(400);
        }
    }
}
