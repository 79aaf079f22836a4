package fr.alize.needs.need;

import fr.alize.needs.EventStoreRows;
import fr.alize.infra.AlizeRole;
import fr.alize.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

/** Bad input and bad callers get a problem+json answer, and nothing reaches the event store. */
@QuarkusTest
class NeedBadInputTest {

    private static final String SME = UUID.randomUUID().toString();

    @Inject
    AgroalDataSource dataSource;
    private long eventsBefore;

    @BeforeEach
    void countEvents() {
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
                .body("errors.field", hasItems("title", "description", "effortDays"));
    }

    @Test
    void aMissingBodyIsA400() {
        problem(given().auth().oauth2(Tokens.sme(SME)).contentType("application/json").when().post("/needs").then(), 400);
    }

    @Test
    void aWrongTypeNamesTheField() {
        problem(post(Tokens.sme(SME), """
                {"category": "IT_REQUIREMENTS", "title": "t", "description": "d", "effortDays": "five"}"""), 400)
                .body("errors[0].field", equalTo("effortDays"))
                .body("errors[0].message", containsString("number"));
    }

    @Test
    void anUnknownCategoryListsTheValidOnes() {
        problem(post(Tokens.sme(SME), """
                {"category": "GARDENING", "title": "t", "description": "d", "effortDays": 2}"""), 400)
                .body("errors[0].field", equalTo("category"))
                .body("errors[0].message", containsString("IT_REQUIREMENTS"));
    }

    @Test
    void effortOutsideItsRangeIsRefused() {
        problem(post(Tokens.sme(SME), """
                {"category": "OTHER", "title": "t", "description": "d", "effortDays": 61}"""), 400)
                .body("errors.field", hasItem("effortDays"));
        problem(post(Tokens.sme(SME), """
                {"category": "OTHER", "title": "t", "description": "d", "effortDays": 0.25}"""), 400)
                .body("errors.field", hasItem("effortDays"));
    }

    @Test
    void theCciMustNameTheSme() {
        problem(post(Tokens.cci(), """
                {"category": "OTHER", "title": "t", "description": "d", "effortDays": 2}"""), 400)
                .body("errors.field", hasItem("smeId"));
    }

    @Test
    void anInvalidIdInThePathIsA400() {
        problem(given().auth().oauth2(Tokens.cci()).contentType("application/json")
                .body("{\"title\": \"t\", \"description\": \"d\", \"effortDays\": 2}")
                .when().put("/needs/not-a-uuid").then(), 400)
                .body("errors.field", hasItem("needId"));
    }

    @Test
    void noTokenIsA401() {
        problem(post(null, NeedPublicationTest.needBody(SME)), 401)
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void anExpiredOrForgedTokenIsA401() {
        problem(post(Tokens.builder().role(AlizeRole.SME, SME).expired().build(), NeedPublicationTest.needBody(SME)), 401);
        problem(post(Tokens.builder().role(AlizeRole.SME, SME).signedWithForeignKey().build(), NeedPublicationTest.needBody(SME)), 401);
    }

    @Test
    void aRoleThatMayNotPublishIsA403() {
        problem(post(Tokens.analyst(), NeedPublicationTest.needBody(SME)), 403);
        problem(post(Tokens.partnerHr("partner-1"), NeedPublicationTest.needBody(SME)), 403);
    }

    @Test
    void anSmePublishingForAnotherSmeIsA403() {
        problem(post(Tokens.sme(SME), NeedPublicationTest.needBody(UUID.randomUUID().toString())), 403);
    }

    @Test
    void anSmeAmendingANeedThatIsNotItsOwnIsA403WhetherItExistsOrNot() {
        String other = UUID.randomUUID().toString();
        String othersNeed = NeedPublicationTest.publish(Tokens.sme(other), null);
        eventsBefore = EventStoreRows.count(dataSource);
        String amended = "{\"title\": \"t\", \"description\": \"d\", \"effortDays\": 2}";

        problem(given().auth().oauth2(Tokens.sme(SME)).contentType("application/json").body(amended)
                .when().put("/needs/" + othersNeed).then(), 403);
        problem(given().auth().oauth2(Tokens.sme(SME)).contentType("application/json").body(amended)
                .when().put("/needs/" + UUID.randomUUID()).then(), 403);
        problem(given().auth().oauth2(Tokens.cci()).contentType("application/json").body(amended)
                .when().put("/needs/" + UUID.randomUUID()).then(), 404);
    }

    @Test
    void anUnknownRouteIsAProblemToo() {
        problem(given().auth().oauth2(Tokens.cci()).when().get("/nowhere").then(), 404);
    }
}
