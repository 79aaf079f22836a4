package fr.alize.needs.need;

import fr.alize.testing.EventStoreRows;
import fr.alize.needs.NeedsTopic;
import fr.alize.needs.SkillTaxonomyFeed;
import fr.alize.needs.Smes;
import fr.alize.testing.EventContracts;
import fr.alize.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static fr.alize.platform.events.EventEnvelope.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

/** A need goes from the REST API to the event store and on to the needs topic as a CloudEvent. */
@QuarkusTest
class NeedPublicationIT {

    @BeforeAll
    static void skillTaxonomy() {
        SkillTaxonomyFeed.ensureReceived();
    }

    @Inject
    AgroalDataSource dataSource;

    static String publish(String token, String smeId) {
        return given().auth().oauth2(token).contentType("application/json").body(Smes.needBody(smeId))
                .when().post("/needs")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/needs/[0-9a-f-]{36}"))
                .extract().path("needId");
    }

    @Test
    void aPublishedNeedIsStoredAndAppearsOnTheTopicKeyedByItsId() {
        String sme = Smes.approved();
        String needId = publish(Tokens.sme(sme), null);

        assertThat(EventStoreRows.countFor(dataSource, needId)).isEqualTo(1);

        List<ConsumerRecord<String, String>> records = NeedsTopic.recordsOf(needId, 1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_type")).isEqualTo("NeedPublished");
        assertThat(header(record, "ce_source")).isEqualTo("/alize/needs-service");
        assertThat(header(record, "ce_subject")).isEqualTo(needId);
        assertThat(header(record, "ce_id")).isNotBlank();
        assertThat(header(record, "ce_time")).isNotBlank();
        assertThat(header(record, "ce_aggregateversion")).isEqualTo("0");
        assertThat(header(record, "ce_actorrole")).isEqualTo("sme");
        assertThat(record.value()).contains("\"smeId\":\"" + sme + "\"").contains("\"needId\":\"" + needId + "\"")
                .contains("\"skills\":[{\"skillId\":\"it-requirements\",\"level\":3}]")
                .contains("\"communeCode\":\"59606\"") // the SME's commune when the need names none
                .contains("\"windowStart\":\"" + LocalDate.now().plusDays(1) + "\"");
        EventContracts.assertConforms(record);
    }

    @Test
    void aPublishedNeedCanBeReadBack() {
        String sme = Smes.approved();
        String needId = publish(Tokens.sme(sme), sme);
        given().auth().oauth2(Tokens.sme(sme)).when().get("/needs/" + needId).then().statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("smeId", equalTo(sme))
                .body("skills[0].level", equalTo(3))
                .body("effortDays", equalTo(5))
                .body("communeCode", equalTo("59606"));
    }

    @Test
    void amendmentsCarryTheFullStateOnTheSameKeyInOrderAndAnIdenticalOneRecordsNothing() {
        String sme = Smes.approved();
        String token = Tokens.sme(sme);
        String needId = publish(token, sme);
        LocalDate start = LocalDate.now().plusDays(3);
        String amended = """
                {"category": "ACCOUNTING", "title": "IT requirements, phase 2", "description": "Write the spec and compare offers",
                 "skills": [{"skillId": "it-requirements", "level": 4}, {"skillId": "iso-9001", "level": 2}],
                 "effortDays": 7.5, "windowStart": "%s", "windowEnd": "%s", "communeCode": "2a004"}"""
                .formatted(start, start.plusMonths(1));

        given().auth().oauth2(token).contentType("application/json").body(amended)
                .when().put("/needs/" + needId).then().statusCode(204);
        given().auth().oauth2(token).contentType("application/json").body(amended)
                .when().put("/needs/" + needId).then().statusCode(204);

        assertThat(EventStoreRows.countFor(dataSource, needId)).isEqualTo(2);
        List<ConsumerRecord<String, String>> records = NeedsTopic.recordsOf(needId, 2);
        assertThat(records).extracting(r -> header(r, "ce_type")).containsExactly("NeedPublished", "NeedAmended");
        assertThat(records).extracting(r -> header(r, "ce_aggregateversion")).containsExactly("0", "1");
        assertThat(records.get(0).partition()).isEqualTo(records.get(1).partition());
        assertThat(records.get(1).value()).contains("\"communeCode\":\"2A004\"").contains("\"effortDays\":7.5")
                .contains("\"category\":\"ACCOUNTING\"");
        EventContracts.assertConforms(records.get(1));
        given().auth().oauth2(token).when().get("/needs/" + needId).then().statusCode(200)
                .body("skills.skillId", org.hamcrest.Matchers.contains("iso-9001", "it-requirements"))
                .body("title", equalTo("IT requirements, phase 2"));
    }

    @Test
    void theCciPublishesForANamedSme() {
        String sme = Smes.approved();
        String needId = publish(Tokens.cci(), sme);
        ConsumerRecord<String, String> record = NeedsTopic.recordsOf(needId, 1).get(0);
        assertThat(record.value()).contains(sme);
        assertThat(header(record, "ce_actorrole")).isEqualTo("cci");
    }

    @Test
    void onlyAnApprovedSmePublishes() {
        String pending = Smes.applied();
        given().auth().oauth2(Tokens.sme(pending)).contentType("application/json").body(Smes.needBody(null))
                .when().post("/needs").then().statusCode(409).contentType("application/problem+json");
        String rejected = Smes.applied();
        Smes.decide(rejected, "REJECTED");
        given().auth().oauth2(Tokens.cci()).contentType("application/json").body(Smes.needBody(rejected))
                .when().post("/needs").then().statusCode(409);
        given().auth().oauth2(Tokens.sme(Smes.randomId())).contentType("application/json").body(Smes.needBody(null))
                .when().post("/needs").then().statusCode(409);
        given().auth().oauth2(Tokens.cci()).contentType("application/json").body(Smes.needBody(Smes.randomId()))
                .when().post("/needs").then().statusCode(400).body("errors[0].field", equalTo("smeId"));
    }
}
