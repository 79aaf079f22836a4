package fr.alize.needs.sme;

import fr.alize.testing.EventStoreRows;
import fr.alize.needs.Smes;
import fr.alize.needs.NeedsTopic;
import fr.alize.testing.DatabaseSearch;
import fr.alize.testing.EventContracts;
import fr.alize.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static fr.alize.platform.events.EventEnvelope.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** SMEs through the API: application, decision, profile, employment follow-up; the events on the topic. */
@QuarkusTest
class SmeApiIT {

    @Inject
    AgroalDataSource dataSource;

    private static ValidatableResponse post(String token, String path, String body) {
        var request = given().contentType("application/json").body(body);
        if (token != null) {
            request.auth().oauth2(token);
        }
        return request.when().post(path).then();
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
    }

    @Test
    void anSmeAppliesIsApprovedAndItsEventsFollowOnTheTopicWithoutItsContact() {
        String siret = Smes.newSiret();
        String smeId = post(Tokens.cci(), "/smes", Smes.applicationBody(null, siret)).statusCode(201)
                .header("Location", matchesPattern(".*/smes/[0-9a-f-]{36}")).extract().path("smeId");
        given().auth().oauth2(Tokens.sme(smeId)).when().get("/smes/" + smeId).then().statusCode(200)
                .body("status", equalTo("APPLIED"))
                .body("siret", equalTo(siret))
                .body("baselineHeadcount", equalTo(17))
                .body("contact.email", equalTo("claire@fleurs-hainaut.fr"));
        post(Tokens.cci(), "/smes/" + smeId + "/decision", "{\"decision\": \"APPROVED\", \"reason\": \"Credible plan\"}")
                .statusCode(204);
        given().auth().oauth2(Tokens.cci()).when().get("/smes/" + smeId).then().statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("decisionReason", equalTo("Credible plan"))
                .body("decidedOn", equalTo(LocalDate.now().toString()));

        List<ConsumerRecord<String, String>> records = NeedsTopic.recordsOf(smeId, 2);
        assertThat(records).extracting(r -> header(r, "ce_type")).containsExactly("SmeApplied", "SmeApproved");
        assertThat(records.get(0).value()).doesNotContain("Claire").doesNotContain("claire@");
        records.forEach(EventContracts::assertConforms);
    }

    @Test
    void aRejectedSmeKeepsTheReasonAndCannotBeDecidedAgain() {
        String smeId = Smes.applied();
        post(Tokens.cci(), "/smes/" + smeId + "/decision", "{\"decision\": \"REJECTED\", \"reason\": \"No hiring plan\"}")
                .statusCode(204);
        problem(post(Tokens.cci(), "/smes/" + smeId + "/decision", "{\"decision\": \"APPROVED\", \"reason\": \"oops\"}"), 409);
        EventContracts.assertConforms(NeedsTopic.recordsOf(smeId, 2).get(1));
    }

    @Test
    void anSmeTokenAppliesForItsOwnSmeOnly() {
        String own = UUID.randomUUID().toString();
        post(Tokens.sme(own), "/smes", Smes.applicationBody(own, Smes.newSiret())).statusCode(201)
                .body("smeId", equalTo(own));
        problem(post(Tokens.sme(own), "/smes", Smes.applicationBody(UUID.randomUUID().toString(), Smes.newSiret())), 403);
        // the same SME applying again
        problem(post(Tokens.sme(own), "/smes", Smes.applicationBody(null, Smes.newSiret())), 409);
    }

    @Test
    void theSameSiretAppliesOnce() {
        String siret = Smes.newSiret();
        post(Tokens.cci(), "/smes", Smes.applicationBody(null, siret)).statusCode(201);
        long events = EventStoreRows.count(dataSource);
        problem(post(Tokens.cci(), "/smes", Smes.applicationBody(null, siret)), 409);
        assertThat(EventStoreRows.count(dataSource)).isEqualTo(events);
    }

    @Test
    void applicationsAreValidatedFieldByField() {
        problem(post(Tokens.cci(), "/smes", """
                {"siret": "1234", "name": " ", "nafCode": "4776Z", "communeCode": "596", "headcount": -1,
                 "hiringPlanJobs": null, "contact": {"name": "", "email": "not-an-email"}}"""), 400)
                .body("errors.field", hasItems("siret", "name", "nafCode", "communeCode", "headcount", "hiringPlanJobs",
                        "contact.name", "contact.email"));
        problem(post(Tokens.cci(), "/smes", Smes.applicationBody(null, "73282932000075")), 400)
                .body("errors[0].field", equalTo("siret"));
        problem(post(Tokens.cci(), "/smes", Smes.applicationBody(null, Smes.newSiret()).replace("\"headcount\": 17", "\"headcount\": 250")), 400)
                .body("errors.field", hasItem("headcount"));
        problem(post(Tokens.cci(), "/smes", """
                {"siret": "%s", "name": "Fleurs", "nafCode": "47.76Z", "communeCode": "59606", "headcount": 17,
                 "hiringPlanJobs": 3}""".formatted(Smes.newSiret())), 400)
                .body("errors.field", hasItem("contact"));
    }

    @Test
    void decisionsAreTheCcisAndNeedAReason() {
        String smeId = Smes.applied();
        problem(post(Tokens.sme(smeId), "/smes/" + smeId + "/decision", "{\"decision\": \"APPROVED\", \"reason\": \"me\"}"), 403);
        problem(post(Tokens.cci(), "/smes/" + smeId + "/decision", "{\"decision\": \"MAYBE\", \"reason\": \"r\"}"), 400)
                .body("errors[0].field", equalTo("decision"));
        problem(post(Tokens.cci(), "/smes/" + smeId + "/decision", "{\"decision\": \"APPROVED\"}"), 400)
                .body("errors.field", hasItem("reason"));
        problem(post(Tokens.cci(), "/smes/" + UUID.randomUUID() + "/decision", "{\"decision\": \"APPROVED\", \"reason\": \"r\"}"), 404);
        problem(post(null, "/smes/" + smeId + "/decision", "{\"decision\": \"APPROVED\", \"reason\": \"r\"}"), 401);
    }

    @Test
    void anSmeSeesOnlyItself() {
        String smeId = Smes.applied();
        String other = Smes.applied();
        problem(given().auth().oauth2(Tokens.sme(smeId)).when().get("/smes/" + other).then(), 403);
        problem(given().auth().oauth2(Tokens.sme(smeId)).when().get("/smes/" + UUID.randomUUID()).then(), 403);
        problem(given().auth().oauth2(Tokens.cci()).when().get("/smes/" + UUID.randomUUID()).then(), 404);
        problem(given().auth().oauth2(Tokens.sme(smeId)).when().get("/smes/" + other + "/employment").then(), 403);
        problem(given().auth().oauth2(Tokens.sme(smeId)).when().get("/smes/" + other + "/needs").then(), 403);
        problem(given().auth().oauth2(Tokens.cci()).when().get("/smes/" + UUID.randomUUID() + "/needs").then(), 404);
        problem(given().auth().oauth2(Tokens.analyst()).when().get("/smes/" + smeId).then(), 403);
        problem(given().when().get("/smes/" + smeId).then(), 401);
        problem(given().auth().oauth2(Tokens.sme(smeId)).when().get("/smes").then(), 403);
        problem(given().auth().oauth2(Tokens.cci()).when().get("/smes/not-a-uuid").then(), 400)
                .body("errors.field", hasItem("smeId"));
    }

    @Test
    void theCommitteeQueueListsApplicationsInOrder() {
        String first = Smes.applied();
        String second = Smes.applied();
        List<String> queue = given().auth().oauth2(Tokens.cci()).when().get("/smes?status=APPLIED&size=100").then()
                .statusCode(200).extract().jsonPath().getList("items.smeId");
        assertThat(queue).containsSubsequence(first, second);
        Smes.decide(first, "APPROVED");
        List<String> after = given().auth().oauth2(Tokens.cci()).when().get("/smes?status=APPLIED&size=100").then()
                .statusCode(200).extract().jsonPath().getList("items.smeId");
        assertThat(after).doesNotContain(first).contains(second);
    }

    @Test
    void aProfileUpdateKeepsTheBaselineAndTheContactStaysOutOfTheEvent() {
        String smeId = Smes.approved();
        given().auth().oauth2(Tokens.sme(smeId)).contentType("application/json").body("""
                {"headcount": 20, "nafCode": "47.76z", "contact": {"name": "Paul Durand", "email": "paul@fleurs-hainaut.fr"}}""")
                .when().patch("/smes/" + smeId).then().statusCode(204);
        given().auth().oauth2(Tokens.sme(smeId)).when().get("/smes/" + smeId).then().statusCode(200)
                .body("baselineHeadcount", equalTo(17))
                .body("headcount", equalTo(20))
                .body("nafCode", equalTo("47.76Z"))
                .body("contact.name", equalTo("Paul Durand"))
                .body("contact.phone", nullValue());
        ConsumerRecord<String, String> updated = NeedsTopic.recordsOf(smeId, 3).get(2);
        assertThat(header(updated, "ce_type")).isEqualTo("SmeProfileUpdated");
        assertThat(updated.value()).isEqualTo("{\"smeId\":\"" + smeId + "\",\"headcount\":20,\"contactUpdated\":true}");
        EventContracts.assertConforms(updated);

        problem(given().auth().oauth2(Tokens.sme(smeId)).contentType("application/json").body("{\"headcount\": -2}")
                .when().patch("/smes/" + smeId).then(), 400).body("errors.field", hasItem("headcount"));
        problem(given().auth().oauth2(Tokens.sme(Smes.randomId())).contentType("application/json").body("{\"headcount\": 2}")
                .when().patch("/smes/" + smeId).then(), 403);
        problem(given().auth().oauth2(Tokens.cci()).contentType("application/json").body("{\"headcount\": 2}")
                .when().patch("/smes/" + UUID.randomUUID()).then(), 404);
    }

    @Test
    void anErasedContactIsInNoAnswerTableOrEventAndANewOneMayFollow() {
        String smeId = Smes.approved();
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String name = "Octave Erasable" + unique;
        String email = "octave." + unique + "@fleurs-hainaut.fr";
        given().auth().oauth2(Tokens.sme(smeId)).contentType("application/json").body("""
                {"contact": {"name": "%s", "email": "%s", "phone": "+33 3 27 11 22 33"}}""".formatted(name, email))
                .when().patch("/smes/" + smeId).then().statusCode(204);
        assertThat(DatabaseSearch.tablesHolding(dataSource, name)).containsExactly("sme_contact");
        problem(given().auth().oauth2(Tokens.sme(Smes.randomId())).when().delete("/smes/" + smeId + "/contact").then(), 403);
        problem(given().auth().oauth2(Tokens.cci()).when().delete("/smes/" + UUID.randomUUID() + "/contact").then(), 404);

        given().auth().oauth2(Tokens.sme(smeId)).when().delete("/smes/" + smeId + "/contact").then().statusCode(204);

        given().auth().oauth2(Tokens.cci()).when().get("/smes/" + smeId).then().statusCode(200)
                .body("contact", nullValue()).body(not(containsString(unique)));
        given().auth().oauth2(Tokens.cci()).when().get("/smes?size=100").then().statusCode(200).body(not(containsString(unique)));
        for (String secret : List.of(name, email, unique)) {
            assertThat(DatabaseSearch.tablesHolding(dataSource, secret)).as("tables holding %s", secret).isEmpty();
        }
        List<ConsumerRecord<String, String>> records = NeedsTopic.recordsOf(smeId, 4);
        assertThat(records).extracting(r -> header(r, "ce_type"))
                .containsExactly("SmeApplied", "SmeApproved", "SmeProfileUpdated", "SmeContactErased");
        assertThat(records.get(3).value()).isEqualTo("{\"smeId\":\"" + smeId + "\"}");
        records.forEach(EventContracts::assertConforms);
        assertThat(records).noneMatch(r -> r.value().contains(unique) || r.headers().toString().contains(unique));

        // erasing again records nothing; a new contact person may be named
        given().auth().oauth2(Tokens.cci()).when().delete("/smes/" + smeId + "/contact").then().statusCode(204);
        given().auth().oauth2(Tokens.sme(smeId)).contentType("application/json").body("""
                {"contact": {"name": "Nouvelle Personne", "email": "nouvelle@fleurs-hainaut.fr"}}""")
                .when().patch("/smes/" + smeId).then().statusCode(204);
        given().auth().oauth2(Tokens.sme(smeId)).when().get("/smes/" + smeId).then().body("contact.name", equalTo("Nouvelle Personne"));
        assertThat(header(NeedsTopic.recordsOf(smeId, 5).get(4), "ce_type")).isEqualTo("SmeProfileUpdated");
    }

    @Test
    void employmentIsFollowedFromTheApprovalOn() {
        String smeId = Smes.approved();
        String token = Tokens.sme(smeId);
        String today = LocalDate.now().toString();
        post(token, "/smes/" + smeId + "/headcount-declarations", "{\"date\": \"" + today + "\", \"headcount\": 19}")
                .statusCode(204);
        String reportId = post(token, "/smes/" + smeId + "/job-reports",
                "{\"date\": \"" + today + "\", \"count\": 2, \"kind\": \"CREATED\", \"contractType\": \"CDI\"}")
                .statusCode(201).extract().path("reportId");
        post(Tokens.cci(), "/smes/" + smeId + "/job-reports",
                "{\"date\": \"" + today + "\", \"count\": 1, \"kind\": \"PRESERVED\", \"contractType\": \"APPRENTICESHIP\"}")
                .statusCode(201);

        given().auth().oauth2(token).when().get("/smes/" + smeId + "/employment").then().statusCode(200)
                .body("baselineHeadcount", equalTo(17))
                .body("headcount", equalTo(19))
                .body("headcounts.headcount", contains(19))
                .body("jobReports.reportId", hasItem(reportId))
                .body("jobsCreated", equalTo(2))
                .body("jobsPreserved", equalTo(1));

        List<ConsumerRecord<String, String>> records = NeedsTopic.recordsOf(smeId, 5);
        assertThat(records).extracting(r -> header(r, "ce_type"))
                .containsExactly("SmeApplied", "SmeApproved", "HeadcountDeclared", "JobsReported", "JobsReported");
        records.forEach(EventContracts::assertConforms);
    }

    @Test
    void reportsAreRefusedInTheFutureNegativeOrBeforeApproval() {
        String smeId = Smes.approved();
        String tomorrow = LocalDate.now().plusDays(1).toString();
        problem(post(Tokens.sme(smeId), "/smes/" + smeId + "/headcount-declarations",
                "{\"date\": \"" + tomorrow + "\", \"headcount\": 19}"), 400)
                .body("errors[0].field", equalTo("date"));
        problem(post(Tokens.sme(smeId), "/smes/" + smeId + "/headcount-declarations",
                "{\"date\": \"" + LocalDate.now() + "\", \"headcount\": -1}"), 400)
                .body("errors.field", hasItem("headcount"));
        problem(post(Tokens.sme(smeId), "/smes/" + smeId + "/job-reports",
                "{\"date\": \"" + LocalDate.now().minusDays(1) + "\", \"count\": 1, \"kind\": \"CREATED\", \"contractType\": \"CDI\"}"), 400)
                .body("errors[0].field", equalTo("date"));
        problem(post(Tokens.sme(smeId), "/smes/" + smeId + "/job-reports",
                "{\"date\": \"" + LocalDate.now() + "\", \"count\": -3, \"kind\": \"HIRED\", \"contractType\": \"CDI\"}"), 400);
        problem(post(Tokens.sme(smeId), "/smes/" + smeId + "/job-reports",
                "{\"date\": \"" + LocalDate.now() + "\", \"count\": 0, \"kind\": \"CREATED\", \"contractType\": \"CDI\"}"), 400)
                .body("errors.field", hasItem("count"));

        String pending = Smes.applied();
        problem(post(Tokens.sme(pending), "/smes/" + pending + "/job-reports",
                "{\"date\": \"" + LocalDate.now() + "\", \"count\": 1, \"kind\": \"CREATED\", \"contractType\": \"CDI\"}"), 409);
        problem(post(Tokens.sme(pending), "/smes/" + smeId + "/job-reports",
                "{\"date\": \"" + LocalDate.now() + "\", \"count\": 1, \"kind\": \"CREATED\", \"contractType\": \"CDI\"}"), 403);
        problem(post(Tokens.cci(), "/smes/" + UUID.randomUUID() + "/headcount-declarations",
                "{\"date\": \"" + LocalDate.now() + "\", \"headcount\": 3}"), 404);
        problem(post(null, "/smes/" + smeId + "/headcount-declarations",
                "{\"date\": \"" + LocalDate.now() + "\", \"headcount\": 3}"), 401);
    }

    /** Employment figures start with the committee's approval: a date before it is refused, and nothing is recorded. */
    @Test
    void noHeadcountOrJobReportPredatesTheApproval() {
        String smeId = Smes.approved();
        String approvedOn = given().auth().oauth2(Tokens.cci()).when().get("/smes/" + smeId).then().statusCode(200)
                .extract().path("decidedOn");
        String dayBefore = LocalDate.parse(approvedOn).minusDays(1).toString();
        long events = EventStoreRows.countFor(dataSource, smeId);

        problem(post(Tokens.sme(smeId), "/smes/" + smeId + "/headcount-declarations",
                "{\"date\": \"" + dayBefore + "\", \"headcount\": 19}"), 400)
                .body("errors.field", contains("date"))
                .body("errors[0].message", equalTo("must not be before the SME's approval on " + approvedOn));
        problem(post(Tokens.sme(smeId), "/smes/" + smeId + "/job-reports",
                "{\"date\": \"" + dayBefore + "\", \"count\": 2, \"kind\": \"CREATED\", \"contractType\": \"CDI\"}"), 400)
                .body("errors.field", contains("date"))
                .body("errors[0].message", equalTo("must not be before the SME's approval on " + approvedOn));
        assertThat(EventStoreRows.countFor(dataSource, smeId)).isEqualTo(events);
        given().auth().oauth2(Tokens.sme(smeId)).when().get("/smes/" + smeId + "/employment").then().statusCode(200)
                .body("headcounts", empty()).body("jobReports", empty());
    }
}
