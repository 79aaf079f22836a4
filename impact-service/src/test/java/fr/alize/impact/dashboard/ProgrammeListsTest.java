package fr.alize.impact.dashboard;

import fr.alize.impact.TestEvents;
import fr.alize.impact.TestEvents.Mission;
import fr.alize.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static fr.alize.impact.TestEvents.event;
import static fr.alize.impact.TestEvents.id;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * The lists behind the figures over HTTP: they count what the figures count (a mission's first start, a re-sent
 * report once with its latest values), answer CSV, and refuse bad parameters naming them. The year 2009 is this
 * class's own.
 */
@QuarkusTest
class ProgrammeListsTest {

    static final String SME = id(), OTHER = id(), REPORT = id();
    static Mission mission;

    @BeforeEach
    void story() {
        TestEvents.once(this, () -> {
            event("SmeApplied").with("smeId", SME).with("name", "=Fleurs d'Aulnoy").with("nafCode", "47.76Z")
                    .with("communeCode", "59032").send();
            mission = Mission.of(SME, id());
            // started twice (a producer's retry with a later date): the first start is the one counted
            mission.started("2009-03-02").occurredAt(Instant.parse("2009-03-02T09:00:00Z")).send();
            mission.started("2010-01-05").occurredAt(Instant.parse("2009-03-03T09:00:00Z")).send();
            Mission.of(OTHER, id()).started("2009-12-31").send();
            event("JobsReported").with("smeId", SME).with("reportId", REPORT).with("date", "2009-06-01").with("count", 2)
                    .with("kind", "CREATED").with("contractType", "CDI").occurredAt(Instant.parse("2009-06-01T09:00:00Z")).send();
            event("JobsReported").with("smeId", SME).with("reportId", REPORT).with("date", "2009-06-01").with("count", 3)
                    .with("kind", "CREATED").with("contractType", "CDI").occurredAt(Instant.parse("2009-06-02T09:00:00Z")).send();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.analyst())
                    .when().get("/totals?from=2009-01-01&to=2009-12-31").then()
                    .body("companiesSupported", equalTo(2)).body("jobsCreated", equalTo(3)));
        });
    }

    @Test
    void theSmesListedAreThoseTheFigureCounts() {
        given().auth().oauth2(Tokens.analyst()).when().get("/programme/smes?from=2009-01-01&to=2009-12-31").then()
                .statusCode(200)
                .body("smes.smeId", contains(SME, OTHER))
                .body("smes[0].name", equalTo("=Fleurs d'Aulnoy"))
                .body("smes[0].communeName", equalTo("Aulnoy-lez-Valenciennes"))
                .body("smes[0].epci", equalTo("245901160"))
                .body("smes[0].nafSection", equalTo("G"))
                .body("smes[0].firstStart", equalTo("2009-03-02"))
                .body("smes[1].nafSection", equalTo("UNKNOWN"));
        given().auth().oauth2(Tokens.analyst()).when().get("/programme/smes?from=2010-01-01&to=2010-12-31").then()
                .statusCode(200).body("smes.smeId", not(hasItem(SME)));
    }

    @Test
    void aReportSentAgainIsListedOnceWithItsLatestCount() {
        given().auth().oauth2(Tokens.cci()).when().get("/programme/job-reports?from=2009-01-01&to=2009-12-31").then()
                .statusCode(200)
                .body("reports.reportId", contains(REPORT))
                .body("reports[0].count", equalTo(3))
                .body("jobsCreated", equalTo(3))
                .body("jobsPreserved", equalTo(0));
    }

    @Test
    void listsAnswerCsvWithFormulasNeutralised() {
        given().auth().oauth2(Tokens.analyst()).accept("text/csv").when().get("/programme/smes?from=2009-01-01&to=2009-12-31")
                .then().statusCode(200)
                .body(startsWith("smeId,name,communeCode,communeName,epci,nafCode,nafSection,firstStart,missionsStarted"))
                .body(containsString(SME + ",\"'=Fleurs d'Aulnoy\",59032,Aulnoy-lez-Valenciennes,245901160,47.76Z,G,2009-03-02,1"));
    }

    @Test
    void badParametersAreProblemsNamingTheField() {
        given().auth().oauth2(Tokens.cci()).when().get("/programme/smes?to=2009-12-31").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", contains("from"));
        given().auth().oauth2(Tokens.cci()).when().get("/programme/job-reports?from=2009-12-31&to=2009-01-01").then()
                .statusCode(400).body("errors.field", contains("to"));
        given().auth().oauth2(Tokens.cci()).when().get("/programme/activity?from=2009-13-01&to=2009-12-31").then()
                .statusCode(400).body("errors.field", contains("from"));
        given().auth().oauth2(Tokens.cci()).when().get("/programme/basis?asOf=yesterday").then()
                .statusCode(400).body("errors.field", contains("asOf"));
        given().auth().oauth2(Tokens.cci()).when().get("/worklist?days=soon").then()
                .statusCode(400).body("errors.field", contains("days"));
        given().auth().oauth2(Tokens.cci()).when().get("/worklist?days=-1").then()
                .statusCode(400).body("errors.field", contains("days"));
    }
}
