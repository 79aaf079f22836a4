package fr.alize.needs.need;

import fr.alize.needs.EventStoreRows;
import fr.alize.testing.EventContracts;
import fr.alize.testing.KafkaTestTopics;
import fr.alize.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static fr.alize.platform.events.EventEnvelope.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.matchesPattern;

/** A need goes from the REST API to the event store and on to the needs topic as a CloudEvent. */
@QuarkusTest
class NeedPublicationTest {

    static final String TOPIC = "alize.needs";

    @Inject
    AgroalDataSource dataSource;

    static String needBody(String smeId) {
        return """
                {"smeId": %s, "category": "IT_REQUIREMENTS", "title": "IT requirements for the new shop software",
                 "description": "Write the requirements spec", "effortDays": 5}""".formatted(smeId == null ? "null" : '"' + smeId + '"');
    }

    static String publish(String token, String smeId) {
        return given().auth().oauth2(token).contentType("application/json").body(needBody(smeId))
                .when().post("/needs")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/needs/[0-9a-f-]{36}"))
                .extract().path("needId");
    }

    /** Waits until the topic holds {@code count} records with this key, and returns them in topic order. */
    static List<ConsumerRecord<String, String>> recordsOf(String key, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> KafkaTestTopics.readAll(TOPIC).stream().filter(r -> key.equals(r.key())).toList(),
                records -> records.size() >= count);
    }

    @Test
    void aPublishedNeedIsStoredAndAppearsOnTheTopicKeyedByItsId() {
        String sme = UUID.randomUUID().toString();
        String needId = publish(Tokens.sme(sme), null);

        assertThat(EventStoreRows.countFor(dataSource, needId)).isEqualTo(1);

        List<ConsumerRecord<String, String>> records = recordsOf(needId, 1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_type")).isEqualTo("NeedPublished");
        assertThat(header(record, "ce_source")).isEqualTo("/alize/needs-service");
        assertThat(header(record, "ce_subject")).isEqualTo(needId);
        assertThat(header(record, "ce_id")).isNotBlank();
        assertThat(header(record, "ce_time")).isNotBlank();
        assertThat(header(record, "ce_aggregateversion")).isEqualTo("0");
        assertThat(header(record, "ce_actorrole")).isEqualTo("sme");
        assertThat(record.value()).contains("\"smeId\":\"" + sme + "\"").contains("\"needId\":\"" + needId + "\"");
        EventContracts.assertConforms(record);
    }

    @Test
    void amendmentsFollowOnTheSameKeyInOrderAndAnIdenticalOneRecordsNothing() {
        String sme = UUID.randomUUID().toString();
        String token = Tokens.sme(sme);
        String needId = publish(token, sme);
        String amended = """
                {"title": "IT requirements, phase 2", "description": "Write the spec and compare offers", "effortDays": 7.5}""";

        given().auth().oauth2(token).contentType("application/json").body(amended)
                .when().put("/needs/" + needId).then().statusCode(204);
        given().auth().oauth2(token).contentType("application/json").body(amended)
                .when().put("/needs/" + needId).then().statusCode(204);

        assertThat(EventStoreRows.countFor(dataSource, needId)).isEqualTo(2);
        List<ConsumerRecord<String, String>> records = recordsOf(needId, 2);
        assertThat(records).extracting(r -> header(r, "ce_type")).containsExactly("NeedPublished", "NeedAmended");
        assertThat(records).extracting(r -> header(r, "ce_aggregateversion")).containsExactly("0", "1");
        assertThat(records.get(0).partition()).isEqualTo(records.get(1).partition());
        EventContracts.assertConforms(records.get(1));
    }

    @Test
    void theCciPublishesForANamedSme() {
        String sme = UUID.randomUUID().toString();
        String needId = publish(Tokens.cci(), sme);
        ConsumerRecord<String, String> record = recordsOf(needId, 1).get(0);
        assertThat(record.value()).contains(sme);
        assertThat(header(record, "ce_actorrole")).isEqualTo("cci");
    }
}
