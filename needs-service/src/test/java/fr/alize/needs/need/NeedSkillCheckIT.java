package fr.alize.needs.need;

import fr.alize.needs.SkillTaxonomyFeed;
import fr.alize.needs.Smes;
import fr.alize.testing.EventStoreRows;
import fr.alize.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * A need's skill ids are checked against the latest skill taxonomy received: an unknown id is a 400 naming the field
 * and the nearest known ids, on publication and on amendment; before any taxonomy is received, a need that asks for
 * skills is a 503 to retry (a need without skills is accepted).
 */
@QuarkusTest
class NeedSkillCheckIT {

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void skillTaxonomy() {
        SkillTaxonomyFeed.ensureReceived();
    }

    private static String body(String skills) {
        return Smes.needBody(null).replace("[{\"skillId\": \"it-requirements\", \"level\": 3}]", skills);
    }

    private static ValidatableResponse publish(String sme, String body) {
        return given().auth().oauth2(Tokens.sme(sme)).contentType("application/json").body(body).when().post("/needs").then();
    }

    private static ValidatableResponse amend(String sme, String needId, String body) {
        return given().auth().oauth2(Tokens.sme(sme)).contentType("application/json").body(body).when().put("/needs/" + needId).then();
    }

    @Test
    void anUnknownSkillIdIsA400NamingTheFieldAndTheNearestKnownIds() {
        String sme = Smes.approved();
        long events = EventStoreRows.count(dataSource);
        String version = SkillTaxonomyFeed.held().orElseThrow().version();
        publish(sme, body("[{\"skillId\": \"it-requirements\", \"level\": 3}, {\"skillId\": \"iso-9000\", \"level\": 2}]"))
                .statusCode(400).contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("skills[1].skillId"))
                .body("errors[0].message", containsString("is not in skill taxonomy " + version + "; nearest known ids: iso-9001"))
                .body("detail", containsString("skills[1].skillId"));
        assertThat(EventStoreRows.count(dataSource)).as("events appended").isEqualTo(events);
    }

    @Test
    void anAmendmentWithAnUnknownSkillIdIsA400AndTheNeedKeepsItsSkills() {
        String sme = Smes.approved();
        String needId = Smes.publishNeed(Tokens.sme(sme), null);
        amend(sme, needId, body("[{\"skillId\": \"it-requirement\", \"level\": 3}]"))
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("skills[0].skillId"))
                .body("errors[0].message", containsString("nearest known ids: it-requirements"));
        given().auth().oauth2(Tokens.sme(sme)).when().get("/needs/" + needId).then().statusCode(200)
                .body("skills[0].skillId", equalTo("it-requirements"));
        amend(sme, needId, body("[{\"skillId\": \"iso-9001\", \"level\": 3}]")).statusCode(204);
    }

    @Test
    void beforeAnyTaxonomyIsReceivedANeedWithSkillsIsA503ToRetry() throws Exception {
        String sme = Smes.approved();
        String needId = Smes.publishNeed(Tokens.sme(sme), null);
        String next = SkillTaxonomyFeed.versionAfterHeld(1);
        forgetTaxonomy(); // as in a fresh database that has not received volunteer-service's taxonomy yet
        try {
            long events = EventStoreRows.count(dataSource);
            publish(sme, Smes.needBody(null)).statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", equalTo("5"))
                    .body("detail", containsString("skill taxonomy is not available yet"));
            amend(sme, needId, body("[{\"skillId\": \"iso-9001\", \"level\": 3}]")).statusCode(503)
                    .header("Retry-After", equalTo("5"));
            assertThat(EventStoreRows.count(dataSource)).as("events appended").isEqualTo(events);
            publish(sme, body("[]")).statusCode(201); // nothing to check
        } finally {
            SkillTaxonomyFeed.produce(SkillTaxonomyFeed.taxonomy(next), UUID.randomUUID().toString());
            SkillTaxonomyFeed.awaitHeld(next);
        }
        publish(sme, Smes.needBody(null)).statusCode(201);
    }

    private void forgetTaxonomy() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM skill_taxonomy");
        }
    }
}
