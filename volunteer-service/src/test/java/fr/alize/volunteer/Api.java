package fr.alize.volunteer;

import fr.alize.testing.KafkaTestTopics;
import fr.alize.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static fr.alize.platform.events.EventEnvelope.header;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** What the REST tests of this module share: calls with a token, a partner to work in, the topic, the store. */
public final class Api {

    public static final String TOPIC = "alize.volunteers";

    private Api() {
    }

    public static RequestSpecification as(String token) {
        RequestSpecification request = given().contentType("application/json");
        return token == null ? request : request.auth().oauth2(token);
    }

    public static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", notNullValue());
    }

    /** Enrols a partner company with a unique name; returns its id. */
    public static String enrolPartner() {
        return as(Tokens.cci()).body("""
                        {"name": "Saint-Gobain %s", "group": "Saint-Gobain", "site": "Aniche", "communeCode": "59008",
                         "pledge": {"year": 2026, "pledgedDays": 120, "dailyRate": 650}}""".formatted(UUID.randomUUID()))
                .when().post("/partners").then().statusCode(201).extract().path("partnerId");
    }

    /** A volunteer body (JSON) for a partner's HR system. */
    public static String volunteer(String employeeRef, String name, String skillId, int level) {
        return """
                {"employeeRef": "%s", "name": "%s", "email": "%s@example.org", "phone": "+33 6 12 34 56 78",
                 "skills": [{"skillId": "%s", "level": %d}, {"skillId": "management-project", "level": 2}],
                 "daysPerMonth": 2, "absences": [{"from": "2026-07-20", "to": "2026-08-14"}],
                 "communeCode": "59606", "maxTravelKm": 40}""".formatted(employeeRef, name, employeeRef.toLowerCase(), skillId, level);
    }

    public static String register(String partnerId, String body) {
        return as(Tokens.partnerHr(partnerId)).body(body)
                .when().post("/partners/" + partnerId + "/volunteers")
                .then().statusCode(201).extract().path("volunteerId");
    }

    /** Waits until the topic holds {@code count} records with this key, and returns them in topic order. */
    public static List<ConsumerRecord<String, String>> recordsOf(String key, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> KafkaTestTopics.readAll(TOPIC).stream().filter(r -> key.equals(r.key())).toList(),
                records -> records.size() >= count);
    }

    public static List<String> types(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> header(r, "ce_type")).toList();
    }

    public static long events(AgroalDataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM domain_event_entry");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
