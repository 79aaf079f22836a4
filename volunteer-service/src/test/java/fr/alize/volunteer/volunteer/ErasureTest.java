package fr.alize.volunteer.volunteer;

import fr.alize.testing.EventContracts;
import fr.alize.testing.KafkaTestTopics;
import fr.alize.testing.Tokens;
import fr.alize.volunteer.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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
class ErasureTest {

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
        // the search does find personal data where it is kept
        assertThat(tablesHolding(name)).containsExactly("volunteer_personal_data");

        as(hr).when().delete("/volunteers/" + volunteerId + "/personal-data").then().statusCode(204);

        List<ConsumerRecord<String, String>> records = Api.recordsOf(volunteerId, 3);
        assertThat(Api.types(records)).containsExactly("VolunteerRegistered", "VolunteerOffboarded", "VolunteerPersonalDataErased");
        records.forEach(EventContracts::assertConforms);
        for (String secret : List.of(name, email, phone, unique + "@")) {
            assertThat(tablesHolding(secret)).as("tables holding %s", secret).isEmpty();
            assertThat(KafkaTestTopics.readAll(Api.TOPIC)).noneMatch(r -> r.value().contains(secret)
                    || r.headers().toString().contains(secret));
        }
        as(hr).when().get("/volunteers/" + volunteerId).then().statusCode(200)
                .body("personalDataErased", equalTo(true))
                .body("status", equalTo("OFFBOARDED"))
                .body("name", nullValue())
                .body(not(containsString(unique + "@")));
        as(Tokens.cci()).when().get("/partners/" + partnerId + "/volunteers").then().body(not(containsString(name)));
        // a later upload of the same person is refused, so the name does not come back
        as(hr).body("{\"volunteers\": [" + body + "]}").when().post("/partners/" + partnerId + "/volunteers/bulk").then()
                .body("results[0].outcome", equalTo("REJECTED"))
                .body(not(containsString(name)));
        // the idempotent replay of the earlier upload holds no personal data either
        as(hr).header("Idempotency-Key", "k-" + unique).body("{\"volunteers\": [" + body + "]}")
                .when().post("/partners/" + partnerId + "/volunteers/bulk").then().body(not(containsString(name)));
        assertThat(tablesHolding(name)).isEmpty();
        as(hr).when().delete("/volunteers/" + volunteerId + "/personal-data").then().statusCode(204); // again: nothing new
        assertThat(Api.recordsOf(volunteerId, 3)).hasSize(3);
    }

    /** Every table of the service's schema with a row whose text, or any binary column, contains the value. */
    private List<String> tablesHolding(String value) {
        List<String> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = connection.getMetaData().getTables(null, "public", "%", new String[]{"TABLE"})) {
                while (rows.next()) {
                    tables.add(rows.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).contains("domain_event_entry", "volunteer", "volunteer_personal_data", "idempotent_request");
            for (String table : tables) {
                StringBuilder where = new StringBuilder("CAST(t AS text) ILIKE ?");
                List<String> binary = new ArrayList<>();
                try (ResultSet columns = connection.getMetaData().getColumns(null, "public", table, "%")) {
                    while (columns.next()) {
                        if ("bytea".equals(columns.getString("TYPE_NAME"))) {
                            binary.add(columns.getString("COLUMN_NAME"));
                        }
                    }
                }
                binary.forEach(column -> where.append(" OR position(? IN t.\"").append(column).append("\") > 0"));
                try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM \"" + table + "\" t WHERE " + where)) {
                    query.setString(1, "%" + value + "%");
                    for (int i = 0; i < binary.size(); i++) {
                        query.setBytes(i + 2, value.getBytes(StandardCharsets.UTF_8));
                    }
                    try (ResultSet count = query.executeQuery()) {
                        count.next();
                        if (count.getLong(1) > 0) {
                            found.add(table);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }
}
