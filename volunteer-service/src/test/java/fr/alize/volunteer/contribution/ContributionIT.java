package fr.alize.volunteer.contribution;

import fr.alize.testing.EventContracts;
import fr.alize.testing.KafkaTestTopics;
import fr.alize.testing.Tokens;
import fr.alize.volunteer.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static fr.alize.volunteer.Api.as;
import static fr.alize.volunteer.Api.problem;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** What a partner has given, from TimeLogged records of the missions topic: each entry once, corrections replace. */
@QuarkusTest
class ContributionIT {

    static final String MISSIONS = "alize.missions";

    @BeforeAll
    static void topicExists() {
        KafkaTestTopics.createTopic(MISSIONS, 3);
    }

    private static void timeLogged(String eventId, String partnerId, String entryId, String date, String hours, String corrects) {
        String mission = UUID.randomUUID().toString();
        String value = EventContracts.examples("TimeLogged").get(0)
                .replace("c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f", partnerId)
                .replace("6a1d2c3b-4e5f-4a7b-8c9d-0e1f2a3b4c5d", mission)
                .replace("d4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f7a", entryId)
                .replace("2026-12-03", date)
                .replace("\"hours\":3.5", "\"hours\":" + hours)
                .replace("\"correctsEntryId\":null", "\"correctsEntryId\":" + (corrects == null ? "null" : '"' + corrects + '"'));
        KafkaTestTopics.produce(MISSIONS, mission, value, Map.of("ce_specversion", "1.0", "ce_id", eventId,
                "ce_type", "TimeLogged", "ce_source", "/alize/matching-service", "ce_subject", mission,
                "ce_time", Instant.now().toString(), "content-type", "application/json", "ce_schemaversion", "1"));
    }

    @Test
    void hoursLoggedCountOnceAndCorrectionsReplaceTheEntryTheyCorrect() {
        String partnerId = Api.enrolPartner();
        String first = UUID.randomUUID().toString();
        String firstEvent = UUID.randomUUID().toString();
        timeLogged(firstEvent, partnerId, first, "2026-03-02", "7", null);
        timeLogged(firstEvent, partnerId, first, "2026-03-02", "7", null); // delivered twice
        timeLogged(UUID.randomUUID().toString(), partnerId, UUID.randomUUID().toString(), "2026-03-03", "7", null);
        timeLogged(UUID.randomUUID().toString(), partnerId, UUID.randomUUID().toString(), "2026-03-04", "3.5", first); // 7 -> 3.5
        timeLogged(UUID.randomUUID().toString(), partnerId, UUID.randomUUID().toString(), "2025-12-30", "7", null); // another year

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(Tokens.partnerHr(partnerId)).when().get("/partners/" + partnerId + "/contribution?year=2026").then()
                        .statusCode(200)
                        .body("hoursGiven", equalTo(10.5f))
                        .body("daysGiven", equalTo(1.5f))
                        .body("pledgedDays", equalTo(120))
                        .body("valueGiven", equalTo(975.0f)));
        // each entry is keyed by its own mission, so on its own partition: nothing orders the 2025 one after the rest
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(Tokens.analyst()).when().get("/partners/" + partnerId + "/contribution?year=2025").then().statusCode(200)
                        .body("daysGiven", equalTo(1.0f))
                        .body("pledgedDays", nullValue()));
    }

    @Test
    void contributionsAreReadByTheirOwnersOnly() {
        String partnerId = Api.enrolPartner();
        problem(as(Tokens.cci()).when().get("/partners/" + partnerId + "/contribution").then(), 400).body("errors.field", hasItem("year"));
        problem(as(null).when().get("/partners/" + partnerId + "/contribution?year=2026").then(), 401);
        problem(as(Tokens.partnerHr(UUID.randomUUID().toString())).when().get("/partners/" + partnerId + "/contribution?year=2026").then(), 403);
        problem(as(Tokens.volunteer(UUID.randomUUID().toString())).when().get("/partners/" + partnerId + "/contribution?year=2026").then(), 403);
        problem(as(Tokens.cci()).when().get("/partners/" + UUID.randomUUID() + "/contribution?year=2026").then(), 404);
    }
}
