package fr.alize.volunteer.contribution;

import fr.alize.testing.EventContracts;
import fr.alize.testing.KafkaTestTopics;
import fr.alize.testing.ParkedRecordsApi;
import fr.alize.testing.Tokens;
import fr.alize.volunteer.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static fr.alize.testing.ParkedRecordsApi.headers;
import static fr.alize.volunteer.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Records the contribution consumer can never apply are parked and the consumer goes on: each poison is produced
 * straight onto the missions topic, then a valid entry with the same key (so the same partition) right after it.
 */
@QuarkusTest
class PoisonRecordsIT {

    private static final String MISSIONS = "alize.missions";

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void topicExists() {
        KafkaTestTopics.createTopic(MISSIONS, 3);
    }

    private static String entry(String partnerId, String mission, String date, String hours) {
        return EventContracts.examples("TimeLogged").get(0)
                .replace("c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f", partnerId)
                .replace("6a1d2c3b-4e5f-4a7b-8c9d-0e1f2a3b4c5d", mission)
                .replace("d4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f7a", UUID.randomUUID().toString())
                .replace("2026-12-03", date)
                .replace("\"hours\":3.5", "\"hours\":" + hours);
    }

    private static void send(String mission, String eventId, String value) {
        ParkedRecordsApi.produce(MISSIONS, mission, value, headers("TimeLogged", eventId, mission));
    }

    private static void awaitHours(String partnerId, float hours) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(as(Tokens.cci()).when()
                .get("/partners/" + partnerId + "/contribution?year=2026").then().statusCode(200)
                .extract().jsonPath().getFloat("hoursGiven")).isEqualTo(hours));
    }

    /** Sends the poison, then a valid 7-hour entry with the same key; the valid one counts, the poison is parked. */
    private JsonPath parkedBeforeValidEntry(String partnerId, String mission, Runnable poison) {
        poison.run();
        send(mission, UUID.randomUUID().toString(), entry(partnerId, mission, "2026-04-01", "7"));
        awaitHours(partnerId, 7f);
        return ParkedRecordsApi.awaitParked(MissionEventsConsumer.CONSUMER, mission);
    }

    @Test
    void anUnparsableDateIsParkedAndAppliedOnceWhenReplayedCorrected() {
        String partnerId = Api.enrolPartner();
        String mission = UUID.randomUUID().toString();
        JsonPath parked = parkedBeforeValidEntry(partnerId, mission,
                () -> send(mission, UUID.randomUUID().toString(), entry(partnerId, mission, "31/12/2026", "2")));
        assertThat(parked.getString("reason")).contains("31/12/2026");
        assertThat(parked.getString("eventType")).isEqualTo("TimeLogged");
        assertThat(parked.getString("topic")).isEqualTo(MISSIONS);
        assertThat(parked.getMap("headers")).containsEntry("ce_type", "TimeLogged");
        assertThat(parked.getString("value")).contains("31/12/2026");

        ParkedRecordsApi.assertReplayApplies(parked.getLong("id"),
                parked.getString("value").replace("31/12/2026", "2026-12-31"));
        awaitHours(partnerId, 9f);
    }

    @Test
    void aValueThatIsNotJsonIsParked() {
        String partnerId = Api.enrolPartner();
        String mission = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        JsonPath parked = parkedBeforeValidEntry(partnerId, mission, () -> send(mission, eventId, "{\"hours\": 3,"));
        assertThat(parked.getString("reason")).contains("not JSON");
        assertThat(parked.getString("eventId")).isEqualTo(eventId);
        ParkedRecordsApi.assertReplayApplies(parked.getLong("id"), entry(partnerId, mission, "2026-05-01", "1"));
        awaitHours(partnerId, 8f);
    }

    @Test
    void aRecordWithoutCloudEventsHeadersIsParkedAndStaysParkedWhenReplayedAsItIs() {
        String partnerId = Api.enrolPartner();
        String mission = UUID.randomUUID().toString();
        JsonPath parked = parkedBeforeValidEntry(partnerId, mission, () -> ParkedRecordsApi.produce(MISSIONS, mission,
                entry(partnerId, mission, "2026-04-02", "5"), Map.of("content-type", "application/json")));
        assertThat(parked.getString("reason")).contains("missing CloudEvents attribute");
        ParkedRecordsApi.assertReplayStillParked(parked.getLong("id"));
    }

    @Test
    void anEventIdLongerThanTheDedupeColumnIsParked() {
        String partnerId = Api.enrolPartner();
        String mission = UUID.randomUUID().toString();
        JsonPath parked = parkedBeforeValidEntry(partnerId, mission,
                () -> send(mission, ParkedRecordsApi.TOO_LONG_ID, entry(partnerId, mission, "2026-04-02", "5")));
        assertThat(parked.getString("reason")).contains("too long");
        ParkedRecordsApi.assertReplayStillParked(parked.getLong("id"));
    }

    @Test
    void aValueTheDatabaseRefusesIsParked() {
        String partnerId = Api.enrolPartner();
        String mission = UUID.randomUUID().toString();
        String withNul = entry(partnerId, mission, "2026-04-02", "5")
                .replaceFirst("\"entryId\":\"[^\"]+\"", "\"entryId\":\"e\\\\u0000f\"");
        assertThat(withNul).contains("e\\u0000f");
        JsonPath parked = parkedBeforeValidEntry(partnerId, mission, () -> send(mission, UUID.randomUUID().toString(), withNul));
        assertThat(parked.getString("reason")).containsAnyOf("0x00", "Zero bytes");
        ParkedRecordsApi.assertReplayApplies(parked.getLong("id"), withNul.replace("e\\u0000f", UUID.randomUUID().toString()));
        awaitHours(partnerId, 12f);
    }

    @Test
    void aDatabaseFailureIsRetriedUntilItPassesAndNothingIsParked() throws Exception {
        String partnerId = Api.enrolPartner();
        String mission = UUID.randomUUID().toString();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("ALTER TABLE time_entry RENAME TO time_entry_away");
            try {
                send(mission, UUID.randomUUID().toString(), entry(partnerId, mission, "2026-04-03", "6"));
                // the consumer fails on the missing table and retries, holding the record
                await().atMost(Duration.ofSeconds(30)).until(() -> retrying() > 0);
            } finally {
                sql.execute("ALTER TABLE time_entry_away RENAME TO time_entry");
            }
        }
        awaitHours(partnerId, 6f);
        assertThat(ParkedRecordsApi.find(MissionEventsConsumer.CONSUMER, mission)).isEmpty();
    }

    private static double retrying() {
        String metrics = io.restassured.RestAssured.given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("alize_events_retrying"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst().orElse(0);
    }
}
