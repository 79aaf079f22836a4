package fr.alize.matching.mission;

import fr.alize.matching.PoolFeed;
import fr.alize.testing.ChunkedRequests;
import fr.alize.testing.EventStoreRows;
import fr.alize.testing.KafkaTestTopics;
import fr.alize.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static fr.alize.matching.mission.MissionFixture.get;
import static fr.alize.matching.mission.MissionFixture.post;
import static fr.alize.matching.mission.MissionFixture.recordsOf;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue #12: a volunteer refused a proposal with {@code {"reason": "x\u0000y"}}; the service answered 200 and
 * published a MissionDeclined that PostgreSQL's {@code jsonb} could not store downstream. Such text never gets in:
 * 400 naming the field, nothing appended to the event store, nothing on {@code alize.missions}.
 */
@QuarkusTest
class HostileTextIT {

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void topicsExist() {
        PoolFeed.topicsExist();
    }

    @Test
    void aRefusalWhoseReasonHoldsANulIsRefusedAndNothingIsStoredOrPublished() {
        MissionFixture f = MissionFixture.inPool();
        String missionId = f.propose();
        String refusal = "/missions/" + missionId + "/refusal";
        recordsOf(missionId, 1); // MissionProposed is out
        long stored = EventStoreRows.countFor(dataSource, missionId);

        post(f.volunteer(), refusal, "{\"reason\": \"x\\u0000y\"}")
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("reason"))
                .body("errors[0].message", containsString("U+0000"))
                .body("detail", containsString("reason"));
        // the same for the other controls we refuse, a lone carriage return, C1 controls, DEL, lone surrogates,
        // noncharacters, wherever they stand in the text
        for (String escaped : new String[]{"\\u0001", "\\u001b[2J", "a\\rb", "end\\r", "\\u007f", "\\u0085",
                "\\u009f", "\\ud800", "x\\udc00", "\\ufffe", "\\uffff", "\\ufdd0", "\\ud83f\\udfff"}) {
            post(f.volunteer(), refusal, "{\"reason\": \"Year-end " + escaped + " closing\"}")
                    .statusCode(400).contentType("application/problem+json").body("errors.field", contains("reason"));
        }
        assertThat(EventStoreRows.countFor(dataSource, missionId)).as("events appended for the mission").isEqualTo(stored);
        get(f.volunteer(), "/missions/" + missionId).statusCode(200).body("state", equalTo("PROPOSED"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() ->
                KafkaTestTopics.readAll(PoolFeed.MISSIONS).stream().filter(r -> missionId.equals(r.key())).count() == 1);

        // tab, line feed, CRLF line ends and text beyond ASCII (an emoji is a surrogate pair) are text like any other
        String reason = "Year-end closing:\\r\\n\\tback in March \\u00e9t\\u00e9 \\ud83d\\ude00";
        post(f.volunteer(), refusal, "{\"reason\": \"" + reason + "\"}")
                .statusCode(200).body("state", equalTo("DECLINED"))
                .body("declineReason", equalTo("Year-end closing:\r\n\tback in March été 😀"));
        assertThat(recordsOf(missionId, 2)).hasSize(2);
    }

    @Test
    void aQueryOrPathParameterWithAControlCharacterIsRefusedNamingIt() {
        MissionFixture f = MissionFixture.inPool();
        given().auth().oauth2(Tokens.cci()).urlEncodingEnabled(false)
                .queryParam("status", "PROPOSED%00").when().get("/missions")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("status"));
        given().auth().oauth2(f.volunteer()).urlEncodingEnabled(false)
                .when().get("/missions/" + f.needId() + "%0d")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("missionId"));
    }

    @Test
    void aChunkedBodyIsReadWithinTheLimitAndRefusedWith413AboveIt() {
        MissionFixture f = MissionFixture.inPool();
        String missionId = f.propose();
        String refusal = "/missions/" + missionId + "/refusal";
        recordsOf(missionId, 1);
        long stored = EventStoreRows.countFor(dataSource, missionId);

        byte[] oversized = ("{\"reason\": \"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        ChunkedRequests.Answer tooLarge = ChunkedRequests.send("POST", refusal, f.volunteer(), "application/json", oversized);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        assertThat(tooLarge.body()).contains("\"status\":413").contains("1048576");
        assertThat(EventStoreRows.countFor(dataSource, missionId)).isEqualTo(stored);

        byte[] small = "{\"reason\": \"sent in chunks\"}".getBytes(StandardCharsets.UTF_8);
        ChunkedRequests.Answer declined = ChunkedRequests.send("POST", refusal, f.volunteer(), "application/json", small);
        assertThat(declined.status()).as(declined.body()).isEqualTo(200);
        assertThat(declined.body()).contains("\"declineReason\":\"sent in chunks\"");
    }
}
