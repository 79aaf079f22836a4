package fr.alize.matching.mission;

import fr.alize.matching.PoolFeed;
import fr.alize.testing.EventContracts;
import fr.alize.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static fr.alize.matching.PoolFeed.uuid;
import static fr.alize.matching.mission.MissionFixture.get;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** With automatic proposal on, a newly published need gets its best candidate proposed; off (the default), nothing. */
@QuarkusTest
class AutoProposalTest {

    @Inject
    TestAutoProposals autoProposals;

    @BeforeAll
    static void topicsExist() {
        PoolFeed.topicsExist();
    }

    @AfterEach
    void backToTheDefault() {
        autoProposals.turn(false);
    }

    @Test
    void theBestCandidateIsProposedWhenANeedIsPublished() {
        String partner = uuid();
        String best = uuid();
        String weaker = uuid();
        String skill = PoolFeed.uniqueSkill();
        PoolFeed.volunteerRegistered(weaker, partner, skill, 1, "62041");
        PoolFeed.volunteerRegistered(best, partner, skill, 4, "59606");
        // both known to the pool before the need arrives
        String probe = uuid();
        PoolFeed.needPublished(probe, uuid(), skill, "59606");
        MissionFixture.awaitRanked(probe, best);
        MissionFixture.awaitRanked(probe, weaker);

        autoProposals.turn(true);
        String needId = uuid();
        PoolFeed.needPublished(needId, uuid(), skill, "59606");
        String missionId = AutoProposer.autoMissionId(needId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(Tokens.cci(), "/missions/" + missionId)
                .statusCode(200).body("proposedBy", equalTo("AUTO")).body("needId", equalTo(needId)));
        get(Tokens.cci(), "/missions/" + missionId).body("volunteerId", equalTo(best));
        EventContracts.assertConforms(MissionFixture.recordsOf(missionId, 1).get(0));
    }

    @Test
    void byDefaultNothingIsProposed() {
        String needId = uuid();
        String volunteer = uuid();
        String skill = PoolFeed.uniqueSkill();
        PoolFeed.volunteerRegistered(volunteer, uuid(), skill, 4, "59606");
        PoolFeed.needPublished(needId, uuid(), skill, "59606");
        MissionFixture.awaitRanked(needId, volunteer);
        get(Tokens.cci(), "/missions/" + AutoProposer.autoMissionId(needId)).statusCode(404);
    }
}
