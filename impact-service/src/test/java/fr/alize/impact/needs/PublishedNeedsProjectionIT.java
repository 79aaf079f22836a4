package fr.alize.impact.needs;

import fr.alize.testing.KafkaTestTopics;
import fr.alize.infra.AlizeRole;
import fr.alize.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** impact-service counts the needs it reads from the needs topic, each once, whatever else the topic holds. */
@QuarkusTest
class PublishedNeedsProjectionIT {

    static final String TOPIC = "alize.needs";

    @BeforeAll
    static void topicExists() {
        KafkaTestTopics.createTopic(TOPIC, 3);
    }

    static long publishedNeeds() {
        return given().auth().oauth2(Tokens.analyst())
                .when().get("/stats/needs")
                .then().statusCode(200)
                .extract().jsonPath().getLong("publishedNeeds");
    }

    static Map<String, String> cloudEvent(String eventId, String type, String needId) {
        return Map.of("ce_specversion", "1.0", "ce_id", eventId, "ce_type", type, "ce_source", "/alize/needs-service",
                "ce_subject", needId, "ce_time", Instant.now().toString(), "ce_schemaversion", "1",
                "content-type", "application/json");
    }

    static String needPublished(String needId) {
        return """
                {"needId": "%s", "smeId": "%s", "category": "ACCOUNTING", "title": "Books",
                 "description": "Help with the books", "effortDays": 3}""".formatted(needId, UUID.randomUUID());
    }

    @Test
    void eachNeedCountsOnceEvenWhenItsRecordArrivesTwice() {
        long before = publishedNeeds();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String firstEvent = UUID.randomUUID().toString();

        KafkaTestTopics.produce(TOPIC, first, needPublished(first), cloudEvent(firstEvent, "NeedPublished", first));
        KafkaTestTopics.produce(TOPIC, first, needPublished(first), cloudEvent(firstEvent, "NeedPublished", first)); // duplicate
        KafkaTestTopics.produce(TOPIC, second, needPublished(second), cloudEvent(UUID.randomUUID().toString(), "NeedPublished", second));
        // a later event that this projection does not count, then a marker to know all the above was read
        KafkaTestTopics.produce(TOPIC, second, "{}", cloudEvent(UUID.randomUUID().toString(), "NeedAmended", second));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.cci()).when().get("/stats/needs")
                        .then().statusCode(200).body("publishedNeeds", equalTo((int) before + 2)));
        // the duplicate and the amendment were read before the last record: nothing moves any more
        String marker = UUID.randomUUID().toString();
        KafkaTestTopics.produce(TOPIC, marker, needPublished(marker), cloudEvent(UUID.randomUUID().toString(), "NeedPublished", marker));
        await().atMost(Duration.ofSeconds(30)).until(() -> publishedNeeds() == before + 3);
    }

    @Test
    void aRecordThatIsNotOneOfOurEventsIsSkippedAndDoesNotStopTheConsumer() {
        long before = publishedNeeds();
        KafkaTestTopics.produce(TOPIC, "junk", "not json at all", Map.of()); // no CloudEvents attributes
        String needId = UUID.randomUUID().toString();
        Map<String, String> brokenValue = cloudEvent(UUID.randomUUID().toString(), "NeedPublished", needId);
        KafkaTestTopics.produce(TOPIC, needId, "{not json", brokenValue);
        String valid = UUID.randomUUID().toString();
        KafkaTestTopics.produce(TOPIC, valid, needPublished(valid), cloudEvent(UUID.randomUUID().toString(), "NeedPublished", valid));

        await().atMost(Duration.ofSeconds(30)).until(() -> publishedNeeds() == before + 1);
    }

    @Test
    void figuresNeedATokenAndARoleThatMayReadThem() {
        given().when().get("/stats/needs").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.sme(UUID.randomUUID().toString())).when().get("/stats/needs")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.builder().role(AlizeRole.ANALYST, null).audience("another-system").build()).when().get("/stats/needs")
                .then().statusCode(401);
    }
}
