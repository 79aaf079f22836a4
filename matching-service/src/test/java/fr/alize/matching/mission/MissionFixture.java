package fr.alize.matching.mission;

import fr.alize.matching.PoolFeed;
import fr.alize.testing.KafkaTestTopics;
import fr.alize.testing.Tokens;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** A need and a volunteer in the pool, and the calls each party makes on their mission. */
record MissionFixture(String needId, String smeId, String volunteerId, String partnerId, String skill) {

    /** Publishes a need and registers a volunteer who fits it, then waits until the ranking shows them. */
    static MissionFixture inPool() {
        MissionFixture f = new MissionFixture(PoolFeed.uuid(), PoolFeed.uuid(), PoolFeed.uuid(), PoolFeed.uuid(),
                PoolFeed.uniqueSkill());
        PoolFeed.needPublished(f.needId, f.smeId, f.skill, "59606");
        PoolFeed.volunteerRegistered(f.volunteerId, f.partnerId, f.skill, 3, "59606");
        awaitRanked(f.needId, f.volunteerId);
        return f;
    }

    /** The same need, SME and employer with another volunteer. */
    MissionFixture with(String otherVolunteerId) {
        return new MissionFixture(needId, smeId, otherVolunteerId, partnerId, skill);
    }

    static void awaitRanked(String needId, String volunteer) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var response = given().auth().oauth2(Tokens.cci()).queryParam("limit", 100)
                    .when().get("/needs/" + needId + "/candidates");
            return response.statusCode() == 200 && response.jsonPath().getList("candidates.volunteerId").contains(volunteer);
        });
    }

    String sme() {
        return Tokens.sme(smeId);
    }

    String volunteer() {
        return Tokens.volunteer(volunteerId);
    }

    String employer() {
        return Tokens.partnerHr(partnerId);
    }

    ValidatableResponse propose(String token) {
        return given().auth().oauth2(token).contentType("application/json")
                .body("{\"needId\": \"%s\", \"volunteerId\": \"%s\"}".formatted(needId, volunteerId))
                .when().post("/missions").then();
    }

    String propose() {
        return propose(Tokens.cci()).statusCode(201).extract().path("missionId");
    }

    static ValidatableResponse post(String token, String path, String body) {
        var request = given();
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (body != null) {
            request.contentType("application/json").body(body);
        }
        return request.when().post(path).then();
    }

    static ValidatableResponse get(String token, String path) {
        var request = given();
        if (token != null) {
            request.auth().oauth2(token);
        }
        return request.when().get(path).then();
    }

    /** A started mission: proposed, then accepted by the three parties. */
    String started(String startDate) {
        String missionId = propose();
        post(volunteer(), "/missions/" + missionId + "/acceptance", null).statusCode(200);
        post(employer(), "/missions/" + missionId + "/acceptance", null).statusCode(200);
        post(sme(), "/missions/" + missionId + "/acceptance", "{\"startDate\": \"" + startDate + "\"}")
                .statusCode(200);
        return missionId;
    }

    static List<ConsumerRecord<String, String>> recordsOf(String missionId, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> KafkaTestTopics.readAll(PoolFeed.MISSIONS).stream().filter(r -> missionId.equals(r.key())).toList(),
                records -> records.size() >= count);
    }
}
