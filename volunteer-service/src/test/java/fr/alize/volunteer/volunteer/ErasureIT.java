package fr.alize.volunteer.volunteer;

import fr.alize.testing.DatabaseSearch;
import fr.alize.testing.EventContracts;
import fr.alize.testing.KafkaTestTopics;
import fr.alize.testing.Tokens;
import fr.alize.volunteer.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static fr.alize.volunteer.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * After an erasure, the person's name and contact are nowhere: not in any table of the service's database (text
 * and binary columns alike, event store included), not on the topic, not in any API answer.
 */
@QuarkusTest
class ErasureIT {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void afterErasureNoStoreTopicOrAnswerHoldsTheNameOrContact() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String name = "Gaspard Erasable" + unique;
        String email = "gaspard." + unique + "@example.org";
        String phone = "+33 6 99 " + unique.substring(0, 2).replaceAll("[a-f]", "7") + " 42 42";
        String partnerId = Api.enrolPartner();
        String hr = Tokens.partnerHr(partnerId);
        String body = """
                {"employeeRef": "ER-%s", "name": "%s", "email": "%s", "phone": "%s",
                 "skills": [{"skillId": "quality-audit", "level": 2}], "daysPerMonth": 1, "communeCode": "59606", "maxTravelKm": 15}"""
                .formatted(unique, name, email, phone);
        String volunteerId = Api.register(partnerId, body);
        as(hr).header("Idempotency-Key", "k-" + unique).body("{\"volunteers\": [" + body + "]}")
                .when().post("/partners/" + partnerId + "/volunteers/bulk").then().statusCode(200);
        // the search does find personal data where it is kept; the employee reference is stored only as a keyed hash
        assertThat(tablesHolding(name)).containsExactly("volunteer_personal_data");
        String ref = "ER-" + unique;
        assertThat(tablesHolding(ref)).containsExactlyInAnyOrder("volunteer_personal_data", "idempotent_request");

        as(hr).when().delete("/volunteers/" + volunteerId + "/personal-data").then().statusCode(204);

        List<ConsumerRecord<String, String>> records = Api.recordsOf(volunteerId, 3);
        assertThat(Api.types(records)).containsExactly("VolunteerRegistered", "VolunteerOffboarded", "VolunteerPersonalDataErased");
        records.forEach(EventContracts::assertConforms);
        for (String secret : List.of(name, email, phone, unique + "@", ref)) {
            assertThat(tablesHolding(secret)).as("tables holding %s", secret).isEmpty();
            assertThat(KafkaTestTopics.readAll(Api.TOPIC)).noneMatch(r -> r.value().contains(secret)
                    || r.headers().toString().contains(secret));
        }
        as(hr).when().get("/volunteers/" + volunteerId).then().statusCode(200)
                .body("personalDataErased", equalTo(true))
                .body("status", equalTo("OFFBOARDED"))
                .body("name", nullValue())
                .body("employeeRef", nullValue())
                .body(not(containsString(unique)));
        as(Tokens.cci()).when().get("/partners/" + partnerId + "/volunteers").then().body(not(containsString(name)));
        as(Tokens.cci()).when().get("/partners/" + partnerId + "/volunteers").then().body(not(containsString(unique)));
        // a later upload of the same reference is refused without naming the erased volunteer, so neither the name
        // comes back nor the reference is tied to the volunteer's id again
        as(hr).body("{\"volunteers\": [" + body + "]}").when().post("/partners/" + partnerId + "/volunteers/bulk").then()
                .statusCode(200)
                .body("results[0].outcome", equalTo("REJECTED"))
                .body("results[0].errors[0].field", equalTo("employeeRef"))
                .body("results[0].volunteerId", nullValue())
                .body(not(containsString(name)))
                .body(not(containsString(volunteerId)));
        as(hr).body("{\"volunteers\": [{\"employeeRef\": \"" + ref + "\", \"reason\": \"LEFT_COMPANY\"}]}")
                .when().post("/partners/" + partnerId + "/volunteers/offboarding").then().statusCode(200)
                .body("results[0].outcome", equalTo("REJECTED")).body(not(containsString(volunteerId)));
        as(hr).body(body).when().post("/partners/" + partnerId + "/volunteers").then().statusCode(409);
        // the stored answer of the earlier idempotent upload tied the reference to the id: it is gone, so the same key
        // runs the request again (and is refused like any upload of the reference)
        as(hr).header("Idempotency-Key", "k-" + unique).body("{\"volunteers\": [" + body + "]}")
                .when().post("/partners/" + partnerId + "/volunteers/bulk").then()
                .header("Idempotent-Replayed", nullValue())
                .body("results[0].outcome", equalTo("REJECTED"))
                .body(not(containsString(name))).body(not(containsString(volunteerId)));
        as(Tokens.cci()).when().get("/partners/" + partnerId + "/volunteers").then().body("total", equalTo(1));
        assertThat(tablesHolding(name)).isEmpty();
        assertThat(tablesHolding(ref)).isEmpty();
        as(hr).when().delete("/volunteers/" + volunteerId + "/personal-data").then().statusCode(204); // again: nothing new
        assertThat(Api.recordsOf(volunteerId, 3)).hasSize(3);
    }

    private List<String> tablesHolding(String value) {
        assertThat(DatabaseSearch.tables(dataSource))
                .contains("domain_event_entry", "volunteer", "volunteer_personal_data", "volunteer_ref", "idempotent_request");
        return DatabaseSearch.tablesHolding(dataSource, value);
    }
}
