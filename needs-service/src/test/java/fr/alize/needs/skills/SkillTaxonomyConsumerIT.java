package fr.alize.needs.skills;

import fr.alize.needs.SkillTaxonomyFeed;
import fr.alize.needs.Smes;
import fr.alize.testing.EventContracts;
import fr.alize.testing.KafkaTestTopics;
import fr.alize.testing.ParkedRecordsApi;
import fr.alize.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * SkillTaxonomyPublished records on the real alize.volunteers topic decide which skill ids a need may ask for: a
 * newer version is used at once, the same record twice is applied once, an older version arriving late is ignored,
 * and the topic's other events are passed over.
 */
@QuarkusTest
class SkillTaxonomyConsumerIT {

    @Inject
    MeterRegistry meters;
    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void skillTaxonomy() {
        SkillTaxonomyFeed.ensureReceived();
    }

    private static ValidatableResponse publishWithSkill(String sme, String skillId) {
        return given().auth().oauth2(Tokens.sme(sme)).contentType("application/json")
                .body(Smes.needBody(null).replace("it-requirements", skillId))
                .when().post("/needs").then();
    }

    private long processedRows(String eventId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?")) {
            select.setString(1, SkillTaxonomyConsumer.CONSUMER);
            select.setString(2, eventId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private double consumed(String outcome) {
        return Optional.ofNullable(meters.find("alize.events.consumed")
                .tags("consumer", SkillTaxonomyConsumer.CONSUMER, "outcome", outcome).counter()).map(Counter::count).orElse(0.0);
    }

    @Test
    void aNewerVersionIsUsedARepeatedRecordChangesNothingAndALateOlderVersionIsIgnored() throws Exception {
        String sme = Smes.approved();
        String newer = SkillTaxonomyFeed.versionAfterHeld(2);
        String older = SkillTaxonomyFeed.versionAfterHeld(1);
        publishWithSkill(sme, "export-incoterms").statusCode(400).body("errors[0].field", equalTo("skills[0].skillId"));

        // a newer version brings a new skill: needs may ask for it as soon as it is held
        String newerRecord = SkillTaxonomyFeed.taxonomy(newer, "export-incoterms");
        String newerId = UUID.randomUUID().toString();
        SkillTaxonomyFeed.produce(newerRecord, newerId);
        SkillTaxonomyFeed.awaitHeld(newer);
        publishWithSkill(sme, "export-incoterms").statusCode(201);

        // the same record again (a redelivery): recognised by its event id, applied once
        double duplicates = consumed("duplicate");
        SkillTaxonomyFeed.produce(newerRecord, newerId);
        await().atMost(Duration.ofSeconds(30)).until(() -> consumed("duplicate") >= duplicates + 1);
        assertThat(SkillTaxonomyFeed.held().orElseThrow().version()).isEqualTo(newer);

        // another volunteer event on the same partition, then an older version arriving late
        String other = UUID.randomUUID().toString();
        double ignored = consumed("ignored");
        KafkaTestTopics.produce(SkillTaxonomyFeed.TOPIC, older, EventContracts.examples("PartnerEnrolled").get(0), Map.of(
                "ce_specversion", "1.0", "ce_id", other, "ce_type", "PartnerEnrolled", "ce_source", "/alize/volunteer-service",
                "ce_subject", older, "ce_time", java.time.Instant.now().toString()));
        String olderId = UUID.randomUUID().toString();
        double applied = consumed("applied");
        SkillTaxonomyFeed.produce(SkillTaxonomyFeed.taxonomy(older, "export-customs-old"), olderId);
        await().atMost(Duration.ofSeconds(30)).until(() -> consumed("applied") >= applied + 1);

        assertThat(SkillTaxonomyFeed.held().orElseThrow().version()).as("the newer version stays").isEqualTo(newer);
        publishWithSkill(sme, "export-customs-old").statusCode(400)
                .body("errors[0].field", equalTo("skills[0].skillId"))
                .body("errors[0].message", containsString("skill taxonomy " + newer));
        publishWithSkill(sme, "export-incoterms").statusCode(201);
        assertThat(consumed("applied")).as("the other event was passed over, not applied").isEqualTo(applied + 1);
        assertThat(consumed("ignored")).as("the other event was counted as ignored").isEqualTo(ignored + 1);
        assertThat(processedRows(other)).as("an ignored event leaves no dedupe row").isZero();
        assertThat(processedRows(olderId)).as("an applied event leaves its dedupe row").isEqualTo(1);
    }

    @Test
    void aTaxonomyThatBreaksTheContractIsParkedAndTheNextOneIsUsed() {
        String newer = SkillTaxonomyFeed.versionAfterHeld(1);
        String broken = SkillTaxonomyFeed.taxonomy(newer).replace("\"" + newer + "\"", "\"latest\"");
        ParkedRecordsApi.produce(SkillTaxonomyFeed.TOPIC, newer, broken,
                ParkedRecordsApi.headers(SkillTaxonomyFeed.TYPE, UUID.randomUUID().toString(), newer));
        SkillTaxonomyFeed.produce(SkillTaxonomyFeed.taxonomy(newer), UUID.randomUUID().toString());
        SkillTaxonomyFeed.awaitHeld(newer);

        JsonPath parked = ParkedRecordsApi.awaitParked(SkillTaxonomyConsumer.CONSUMER, newer);
        assertThat(parked.getString("reason")).contains("a version YYYY.N").contains("'latest'");
        // corrected to a version older than the one held: applied, and the held version stays
        String older = parked.getString("value").replace("\"latest\"", "\"2000.1\"");
        ParkedRecordsApi.assertReplayApplies(parked.getLong("id"), older);
        assertThat(SkillTaxonomyFeed.held().orElseThrow().version()).isEqualTo(newer);
    }
}
