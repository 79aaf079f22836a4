package fr.alize.needs.mission;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.alize.needs.NeedsTopic;
import fr.alize.needs.SkillTaxonomyFeed;
import fr.alize.needs.Smes;
import fr.alize.testing.EventContracts;
import fr.alize.testing.KafkaTestTopics;
import fr.alize.testing.ParkedRecordsApi;
import fr.alize.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.alize.platform.events.EventEnvelope.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * matching-service's mission events, as documented (records built from the schemas' examples), move needs along;
 * a record seen twice changes nothing more; one about an unknown need is parked and the consumer goes on.
 */
@QuarkusTest
class MissionEventsIT {

    private static final String MISSIONS = "alize.missions";
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void topicAndSkillTaxonomy() {
        KafkaTestTopics.createTopic(MISSIONS, 3);
        SkillTaxonomyFeed.ensureReceived();
    }

    /** A documented mission event, about this need and mission; returns its event id. */
    private static String send(String type, String needId, String smeId, String missionId, String eventId) throws Exception {
        ObjectNode data = (ObjectNode) JSON.readTree(EventContracts.examples(type).get(0));
        data.put("needId", needId).put("smeId", smeId).put("missionId", missionId);
        assertThat(EventContracts.validate(type, data.toString())).isEmpty();
        KafkaTestTopics.produce(MISSIONS, missionId, data.toString(), Map.of(
                "ce_specversion", "1.0", "ce_id", eventId, "ce_type", type, "ce_source", "/alize/matching-service",
                "ce_subject", missionId, "ce_time", Instant.now().toString(), "content-type", "application/json"));
        return eventId;
    }

    private static void awaitStatus(String needId, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(given().auth().oauth2(Tokens.cci())
                .when().get("/needs/" + needId).then().statusCode(200).extract().path("status")));
    }

    @Test
    void aNeedIsMatchedFulfilledAndReopenedByMissionsAndARepeatedEventChangesNothing() throws Exception {
        String sme = Smes.approved();
        String needId = Smes.publishNeed(Tokens.sme(sme), null);
        String mission = UUID.randomUUID().toString();

        String started = UUID.randomUUID().toString();
        send("MissionStarted", needId, sme, mission, started);
        awaitStatus(needId, "MATCHED");
        given().auth().oauth2(Tokens.sme(sme)).contentType("application/json").body(Smes.needBody(null))
                .when().put("/needs/" + needId).then().statusCode(409);

        send("MissionCancelled", needId, sme, mission, UUID.randomUUID().toString());
        awaitStatus(needId, "PUBLISHED");
        // the same MissionStarted again (a redelivery): already applied, the need stays open
        send("MissionStarted", needId, sme, mission, started);

        String second = UUID.randomUUID().toString();
        send("MissionStarted", needId, sme, second, UUID.randomUUID().toString());
        String completed = UUID.randomUUID().toString();
        send("MissionCompleted", needId, sme, second, completed);
        send("MissionCompleted", needId, sme, second, completed);
        awaitStatus(needId, "FULFILLED");

        List<ConsumerRecord<String, String>> records = NeedsTopic.recordsOf(needId, 5);
        assertThat(records).extracting(r -> header(r, "ce_type"))
                .containsExactly("NeedPublished", "NeedMatched", "NeedReopened", "NeedMatched", "NeedFulfilled");
        records.forEach(EventContracts::assertConforms);
        assertThat(records.get(2).value()).contains("Mission cancelled: ");
        assertThat(header(records.get(1), "ce_actorrole")).isEqualTo("system");
        given().auth().oauth2(Tokens.cci()).when().get("/needs/" + needId).then()
                .body("missionId", org.hamcrest.Matchers.equalTo(second));
    }

    @Test
    void aDeclinedProposalLeavesAnOpenNeedOpen() throws Exception {
        String sme = Smes.approved();
        String needId = Smes.publishNeed(Tokens.sme(sme), null);
        String declined = send("MissionDeclined", needId, sme, UUID.randomUUID().toString(), UUID.randomUUID().toString());
        String marker = UUID.randomUUID().toString();
        send("MissionStarted", needId, sme, marker, UUID.randomUUID().toString());
        awaitStatus(needId, "MATCHED"); // the decline (sent before) was handled and changed nothing
        assertThat(parkedIds()).doesNotContain(declined);
    }

    @Test
    void anEventAboutAnUnknownNeedIsParkedTheConsumerGoesOnAndAReplayAppliesItOnceTheNeedIsKnown() throws Exception {
        String unknown = UUID.randomUUID().toString();
        String mission = UUID.randomUUID().toString();
        String parked = send("MissionStarted", unknown, UUID.randomUUID().toString(), mission, UUID.randomUUID().toString());
        String sme = Smes.approved();
        String needId = Smes.publishNeed(Tokens.sme(sme), null);
        send("MissionStarted", needId, sme, mission, UUID.randomUUID().toString()); // same key: same partition, after it
        awaitStatus(needId, "MATCHED");
        JsonPath row = ParkedRecordsApi.awaitParked(MissionEventsConsumer.CONSUMER, mission);
        assertThat(row.getString("eventId")).isEqualTo(parked);
        assertThat(row.getString("reason")).contains("unknown need " + unknown);
        given().auth().oauth2(Tokens.sme(sme)).when().get("/admin/parked-records").then().statusCode(403);

        // the cause fixed: the mission was about a need this service knows (the corrected value names it)
        String other = Smes.publishNeed(Tokens.sme(sme), null);
        ParkedRecordsApi.assertReplayApplies(row.getLong("id"), row.getString("value").replace(unknown, other));
        awaitStatus(other, "MATCHED");
    }

    @Test
    void recordsThatAreNotEventsAreParkedAndTheNextRecordIsApplied() throws Exception {
        String sme = Smes.approved();
        String needId = Smes.publishNeed(Tokens.sme(sme), null);
        String mission = UUID.randomUUID().toString();
        ParkedRecordsApi.produce(MISSIONS, mission, "not json", ParkedRecordsApi.headers("MissionStarted",
                UUID.randomUUID().toString(), mission));
        ParkedRecordsApi.produce(MISSIONS, mission, "{}", ParkedRecordsApi.headers("MissionStarted",
                ParkedRecordsApi.TOO_LONG_ID, mission));
        send("MissionStarted", needId, sme, mission, UUID.randomUUID().toString());
        awaitStatus(needId, "MATCHED");
        List<Map<String, Object>> rows = given().auth().oauth2(Tokens.cci())
                .queryParam("consumer", MissionEventsConsumer.CONSUMER).when().get("/admin/parked-records")
                .then().statusCode(200).extract().jsonPath().getList("findAll { it.key == '" + mission + "' }");
        assertThat(rows).extracting(r -> (String) r.get("reason"))
                .anySatisfy(reason -> assertThat(reason).contains("not JSON"))
                .anySatisfy(reason -> assertThat(reason).contains("too long"));
    }

    private static List<String> parkedIds() {
        return given().auth().oauth2(Tokens.cci()).queryParam("consumer", MissionEventsConsumer.CONSUMER)
                .when().get("/admin/parked-records").then().statusCode(200).extract().jsonPath().getList("eventId");
    }
}
