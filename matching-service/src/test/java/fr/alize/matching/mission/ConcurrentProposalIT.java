package fr.alize.matching.mission;

import fr.alize.contracts.MissionsTopic;
import fr.alize.matching.PoolFeed;
import fr.alize.matching.mission.MissionCommands.ProposeMission;
import fr.alize.platform.axon.Commands;
import fr.alize.platform.jdbc.Jdbc;
import fr.alize.testing.KafkaTestTopics;
import fr.alize.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static fr.alize.matching.mission.MissionFixture.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The same volunteer proposed for the same need twice at once (as two instances would, each with its own in-memory
 * pool) makes one mission: the guard is a unique index of the database, written with the proposal's events.
 */
@QuarkusTest
class ConcurrentProposalIT {

    @Inject
    Clock clock;
    @Inject
    Commands commands;
    @Inject
    Jdbc jdbc;

    @BeforeAll
    static void topicsExist() {
        PoolFeed.topicsExist();
    }

    @Test
    void twoProposalsAtTheSameMomentGiveOne201AndOne409AndOneMission() throws Exception {
        MissionFixture f = MissionFixture.inPool();
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Response>> calls = List.of(proposeWhen(go, f), proposeWhen(go, f));
        go.countDown();
        List<Response> answers = List.of(calls.get(0).get(), calls.get(1).get());

        assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(201, 409);
        Response conflict = answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        assertThat(conflict.jsonPath().getString("detail")).contains("ALREADY_PROPOSED");
        String missionId = answers.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow()
                .jsonPath().getString("missionId");
        assertOnlyMission(f, missionId);
    }

    @Test
    void theDatabaseRefusesASecondActiveProposalEvenWhenThisInstanceDidNotKnowOfTheFirst() {
        MissionFixture f = MissionFixture.inPool();
        String first = UUID.randomUUID().toString();
        commands.send(propose(first, f));
        // sent straight as a command: no in-memory check stands in the way, only the database
        assertThatThrownBy(() -> commands.send(propose(UUID.randomUUID().toString(), f)))
                .isInstanceOf(ProposalTaken.class);
        assertOnlyMission(f, first);
    }

    @Test
    void aCancelledProposalReleasesTheVolunteerForTheNeed() {
        MissionFixture f = MissionFixture.inPool();
        String first = f.propose();
        post(Tokens.cci(), "/missions/" + first + "/cancellation", "{\"reason\": \"wrong person\"}").statusCode(200);
        String second = UUID.randomUUID().toString();
        commands.send(propose(second, f));
        assertThat(jdbc.count("SELECT count(*) FROM mission_list WHERE need_id = ? AND state = 'PROPOSED'", f.needId()))
                .isEqualTo(1);
    }

    /** The command as the resource sends it, proposed today by the service's clock. */
    private ProposeMission propose(String missionId, MissionFixture f) {
        return new ProposeMission(missionId, f.needId(), f.smeId(), f.volunteerId(), f.partnerId(), ProposedBy.CCI, 0.5,
                LocalDate.now(clock));
    }

    private void assertOnlyMission(MissionFixture f, String missionId) {
        assertThat(jdbc.list("SELECT mission_id FROM mission_list WHERE need_id = ?", row -> row.getString(1), f.needId()))
                .containsExactly(missionId);
        assertThat(jdbc.count("""
                SELECT count(*) FROM domain_event_entry WHERE payload_type = ?
                AND convert_from(payload, 'UTF8')::jsonb ->> 'needId' = ?""",
                MissionsTopic.MISSION_PROPOSED, f.needId())).isEqualTo(1);
        MissionFixture.recordsOf(missionId, 1);
        // the relay has published what the store holds for this need: one proposal, no other mission
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> KafkaTestTopics
                .readAll(PoolFeed.MISSIONS).stream().filter(r -> r.value().contains(f.needId())).map(r -> r.key())
                .distinct().toList().equals(List.of(missionId)));
    }

    private static CompletableFuture<Response> proposeWhen(CountDownLatch go, MissionFixture f) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return given().auth().oauth2(Tokens.cci()).contentType("application/json")
                    .body("{\"needId\": \"%s\", \"volunteerId\": \"%s\"}".formatted(f.needId(), f.volunteerId()))
                    .when().post("/missions");
        });
    }
}
