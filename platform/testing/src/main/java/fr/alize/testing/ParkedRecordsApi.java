package fr.alize.testing;

import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Poison records for a service's {@code @QuarkusTest}: produces records onto the real topic as a foreign or buggy
 * producer would, and reads and replays what the service parked through its {@code /admin/parked-records} API.
 */
public final class ParkedRecordsApi {

    /** Longer than any id column (255): a record carrying it cannot even be marked processed. */
    public static final String TOO_LONG_ID = "x".repeat(300);

    private ParkedRecordsApi() {
    }

    /** The CloudEvents headers our producers write. */
    public static Map<String, String> headers(String type, String eventId, String subject) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", eventId);
        headers.put("ce_type", type);
        headers.put("ce_source", "/alize/poison-test");
        headers.put("ce_subject", subject);
        headers.put("ce_time", Instant.now().toString());
        headers.put("ce_schemaversion", "1");
        headers.put("content-type", "application/json");
        return headers;
    }

    public static void produce(String topic, String key, String value, Map<String, String> headers) {
        KafkaTestTopics.produce(topic, key, value, headers);
    }

    /** Waits (30 s at most) until the consumer has parked a record with this key; returns it as the API shows it. */
    public static JsonPath awaitParked(String consumer, String key) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> find(consumer, key), Optional::isPresent).get();
    }

    /** The open parked record of this consumer with this key, if any. */
    public static Optional<JsonPath> find(String consumer, String key) {
        List<Map<String, Object>> rows = given().auth().oauth2(Tokens.cci()).queryParam("consumer", consumer)
                .queryParam("limit", 1000).when().get("/admin/parked-records").then().statusCode(200)
                .extract().jsonPath().getList("$");
        return rows.stream().filter(row -> key.equals(row.get("key"))).findFirst()
                .map(row -> JsonPath.from(given().auth().oauth2(Tokens.cci()).when()
                        .get("/admin/parked-records/" + row.get("id")).then().statusCode(200).extract().asString()));
    }

    /**
     * Replays the parked record (with a corrected value, or as it was when null) and checks that it was applied; a
     * second replay is refused, so the record is applied once.
     */
    public static void assertReplayApplies(long id, String correctedValue) {
        var request = given().auth().oauth2(Tokens.cci()).contentType("application/json");
        if (correctedValue != null) {
            request = request.body(Map.of("value", correctedValue));
        }
        request.when().post("/admin/parked-records/" + id + "/replay").then().statusCode(200)
                .body("outcome", org.hamcrest.Matchers.equalTo("APPLIED"));
        given().auth().oauth2(Tokens.cci()).contentType("application/json").when()
                .post("/admin/parked-records/" + id + "/replay").then().statusCode(409)
                .contentType("application/problem+json");
        JsonPath row = JsonPath.from(given().auth().oauth2(Tokens.cci()).when().get("/admin/parked-records/" + id)
                .then().statusCode(200).extract().asString());
        assertThat(row.getString("replayOutcome")).isEqualTo("APPLIED");
        assertThat(row.getString("replayedAt")).isNotNull();
    }

    /** Replays the record as it is and checks that it is still parked (409 with the reason), one more attempt. */
    public static void assertReplayStillParked(long id) {
        int attempts = given().auth().oauth2(Tokens.cci()).when().get("/admin/parked-records/" + id).then()
                .statusCode(200).extract().path("attempts");
        given().auth().oauth2(Tokens.cci()).contentType("application/json").when()
                .post("/admin/parked-records/" + id + "/replay").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("still cannot be applied"));
        given().auth().oauth2(Tokens.cci()).when().get("/admin/parked-records/" + id).then().statusCode(200)
                .body("replayedAt", org.hamcrest.Matchers.nullValue())
                .body("attempts", org.hamcrest.Matchers.equalTo(attempts + 1));
    }
}
