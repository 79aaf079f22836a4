package fr.alize.needs.need;

import fr.alize.testing.EventStoreRows;
import fr.alize.needs.SkillTaxonomyFeed;
import fr.alize.needs.Smes;
import fr.alize.infra.AlizeRole;
import fr.alize.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

/** Bad input and bad callers get a problem+json answer, and nothing reaches the event store. */
@QuarkusTest
class NeedBadInputIT {

    @BeforeAll
    static void skillTaxonomy() {
        SkillTaxonomyFeed.ensureReceived();
    }

    private static String SME;

    @Inject
    AgroalDataSource dataSource;
    private long eventsBefore;

    @BeforeEach
    void countEvents() {
        if (SME == null) {
            SME = Smes.approved();
        }
        eventsBefore = EventStoreRows.count(dataSource);
    }

    @AfterEach
    void nothingWasAppended() {
        assertThat(EventStoreRows.count(dataSource)).as("events in the store").isEqualTo(eventsBefore);
    }

    private static ValidatableResponse post(String token, String body) {
        var request = given().contentType("application/json").body(body);
        if (token != null) {
            request.auth().oauth2(token);
        }
        return request.when().post("/needs").then();
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void malformedJsonIsA400() {
        problem(post(Tokens.sme(SME), "{\"category\": \"IT_REQUIREMENTS\", "), 400)
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void missingFieldsAreEachNamed() {
        problem(post(Tokens.sme(SME), "{\"category\": \"IT_REQUIREMENTS\"}"), 400)
                .body("errors.field", hasItems("title", "description", "effortDays", "windowStart", "windowEnd"));
    }

    @Test
    void aMissingBodyIsA400() {
        problem(given().auth().oauth2(Tokens.sme(SME)).contentType("application/json").when().post("/needs").then(), 400);
    }

    @Test
    void aWrongTypeNamesTheField() {
        problem(post(Tokens.sme(SME), """
                {"category": "IT_REQUIREMENTS", "title": "t", "description": "d", "effortDays": "five",
                 "windowStart": "2030-01-01", "windowEnd": "2030-02-01"}"""), 400)
                .body("errors[0].field", equalTo("effortDays"))
                .body("errors[0].message", containsString("number"));
    }

    @Test
    void anUnknownCategoryListsTheValidOnes() {
        problem(post(Tokens.sme(SME), """
                {"category": "GARDENING", "title": "t", "description": "d", "effortDays": 2,
                 "windowStart": "2030-01-01", "windowEnd": "2030-02-01"}"""), 400)
                .body("errors[0].field", equalTo("category"))
                .body("errors[0].message", containsString("IT_REQUIREMENTS"));
    }

    private static String need(String effort, String skills, String start, String end, String commune) {
        return """
                {"category": "OTHER", "title": "t", "description": "d", "effortDays": %s, "skills": %s,
                 "windowStart": "%s", "windowEnd": "%s", "communeCode": %s}""".formatted(effort, skills, start, end, commune);
    }

    private static final String START = LocalDate.now().plusDays(1).toString();
    private static final String END = LocalDate.now().plusDays(30).toString();

    @Test
    void effortOutsideItsRangeIsRefused() {
        problem(post(Tokens.sme(SME), need("61", "[]", START, END, "null")), 400)
                .body("errors.field", hasItem("effortDays"));
        problem(post(Tokens.sme(SME), need("0.25", "[]", START, END, "null")), 400)
                .body("errors.field", hasItem("effortDays"));
    }

    @Test
    void skillsNeedAnIdAndALevelFromOneToFour() {
        problem(post(Tokens.sme(SME), need("2", "[{\"skillId\": \"x\", \"level\": 5}, {\"level\": 0}]", START, END, "null")), 400)
                .body("errors.field", hasItems("skills[0].level", "skills[1].skillId", "skills[1].level"));
        problem(post(Tokens.sme(SME), need("2", "[{\"skillId\": \"x\", \"level\": 1}, {\"skillId\": \"x\", \"level\": 2}]", START, END, "null")), 400)
                .body("errors.field", hasItem("skills[1].skillId"));
    }

    @Test
    void theWindowStartsBeforeItEndsAndHasNotEnded() {
        problem(post(Tokens.sme(SME), need("2", "[]", END, START, "null")), 400)
                .body("errors.field", hasItem("windowEnd"));
        problem(post(Tokens.sme(SME), need("2", "[]", "2020-01-01", "2020-02-01", "null")), 400)
                .body("errors[0].field", equalTo("windowEnd"))
                .body("errors[0].message", containsString("past"));
        problem(post(Tokens.sme(SME), need("2", "[]", "2030-13-01", END, "null")), 400)
                .body("errors[0].field", equalTo("windowStart"));
    }

    @Test
    void aCommuneIsAnInseeCode() {
        problem(post(Tokens.sme(SME), need("2", "[]", START, END, "\"Valenciennes\"")), 400)
                .body("errors.field", hasItem("communeCode"));
    }

    @Test
    void theCciMustNameTheSme() {
        problem(post(Tokens.cci(), """
                {"category": "OTHER", "title": "t", "description": "d", "effortDays": 2,
                 "windowStart": "2030-01-01", "windowEnd": "2030-02-01"}"""), 400)
                .body("errors.field", hasItem("smeId"));
    }

    @Test
    void anInvalidIdInThePathIsA400() {
        problem(given().auth().oauth2(Tokens.cci()).contentType("application/json")
                .body(Smes.needBody(null))
                .when().put("/needs/not-a-uuid").then(), 400)
                .body("errors.field", hasItem("needId"));
    }

    @Test
    void noTokenIsA401() {
        problem(post(null, Smes.needBody(SME)), 401)
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void anExpiredOrForgedTokenIsA401() {
        problem(post(Tokens.builder().role(AlizeRole.SME, SME).expired().build(), Smes.needBody(SME)), 401);
        problem(post(Tokens.builder().role(AlizeRole.SME, SME).signedWithForeignKey().build(), Smes.needBody(SME)), 401);
    }

    @Test
    void aRoleThatMayNotPublishIsA403() {
        problem(post(Tokens.analyst(), Smes.needBody(SME)), 403);
        problem(post(Tokens.partnerHr("partner-1"), Smes.needBody(SME)), 403);
    }

    @Test
    void anSmePublishingForAnotherSmeIsA403() {
        problem(post(Tokens.sme(SME), Smes.needBody(UUID.randomUUID().toString())), 403);
    }

    @Test
    void anSmeAmendingANeedThatIsNotItsOwnIsA403WhetherItExistsOrNot() {
        String other = Smes.approved();
        String othersNeed = NeedPublicationIT.publish(Tokens.sme(other), null);
        eventsBefore = EventStoreRows.count(dataSource);
        String amended = Smes.needBody(null);

        problem(given().auth().oauth2(Tokens.sme(SME)).contentType("application/json").body(amended)
                .when().put("/needs/" + othersNeed).then(), 403);
        problem(given().auth().oauth2(Tokens.sme(SME)).contentType("application/json").body(amended)
                .when().put("/needs/" + UUID.randomUUID()).then(), 403);
        problem(given().auth().oauth2(Tokens.cci()).contentType("application/json").body(amended)
                .when().put("/needs/" + UUID.randomUUID()).then(), 404);
    }

    @Test
    void anSmeCannotReadOrWithdrawAnotherSmesNeedAndTheCciGets404ForUnknownOnes() {
        String othersNeed = NeedPublicationIT.publish(Tokens.sme(Smes.approved()), null);
        eventsBefore = EventStoreRows.count(dataSource);
        problem(given().auth().oauth2(Tokens.sme(SME)).when().get("/needs/" + othersNeed).then(), 403);
        problem(given().auth().oauth2(Tokens.sme(SME)).when().get("/needs/" + UUID.randomUUID()).then(), 403);
        problem(given().auth().oauth2(Tokens.cci()).when().get("/needs/" + UUID.randomUUID()).then(), 404);
        String withdrawal = "{\"reason\": \"mine now\"}";
        problem(given().auth().oauth2(Tokens.sme(SME)).contentType("application/json").body(withdrawal)
                .when().post("/needs/" + othersNeed + "/withdrawal").then(), 403);
        problem(given().auth().oauth2(Tokens.sme(SME)).contentType("application/json").body(withdrawal)
                .when().post("/needs/" + UUID.randomUUID() + "/withdrawal").then(), 403);
        problem(given().auth().oauth2(Tokens.cci()).contentType("application/json").body(withdrawal)
                .when().post("/needs/" + UUID.randomUUID() + "/withdrawal").then(), 404);
        problem(given().auth().oauth2(Tokens.cci()).contentType("application/json").body("{\"reason\": \" \"}")
                .when().post("/needs/" + othersNeed + "/withdrawal").then(), 400)
                .body("errors.field", hasItem("reason"));
        problem(given().when().get("/needs/" + othersNeed).then(), 401);
        problem(given().auth().oauth2(Tokens.analyst()).when().get("/needs").then(), 403);
    }

    @Test
    void listFiltersAreChecked() {
        problem(given().auth().oauth2(Tokens.cci()).when().get("/needs?status=OPENISH").then(), 400)
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", containsString("PUBLISHED"));
        problem(given().auth().oauth2(Tokens.cci()).when().get("/needs?category=GARDENING").then(), 400)
                .body("errors[0].field", equalTo("category"));
        problem(given().auth().oauth2(Tokens.cci()).when().get("/needs?size=500").then(), 400)
                .body("errors.field", hasItem("size"));
        problem(given().auth().oauth2(Tokens.cci()).when().get("/needs?commune=Lille").then(), 400)
                .body("errors.field", hasItem("commune"));
    }

    @Test
    void anUnknownRouteIsAProblemToo() {
        problem(given().auth().oauth2(Tokens.cci()).when().get("/nowhere").then(), 404);
    }
}
