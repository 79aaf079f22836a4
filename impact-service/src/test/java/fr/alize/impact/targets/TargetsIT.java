package fr.alize.impact.targets;

import fr.alize.impact.TestEvents;
import fr.alize.impact.TestEvents.Mission;
import fr.alize.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static fr.alize.impact.TestEvents.id;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** Annual targets: set by the CCI, 15 by default; SMEs supported month by month and a forecast to the year's end. */
@QuarkusTest
class TargetsIT {

    static final int YEAR = 2032;

    @BeforeEach
    void setUp() {
        TestEvents.once(this, TargetsIT::missionsOf2032);
    }

    static void missionsOf2032() {
        String florist = id();
        String bakery = id();
        Mission.of(florist, id()).started("2032-02-10").send();
        Mission.of(florist, id()).started("2032-05-03").send(); // the same SME again: counted once, in February
        Mission.of(bakery, id()).started("2032-05-20").send();
        Mission.of(id(), id()).started("2031-12-31").send(); // another year
        Mission.of(id(), id()).event("MissionProposed").send(); // proposed, never started
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.analyst()).when().get("/targets/" + YEAR).then().statusCode(200)
                        .body("supportedSmes", equalTo(2)));
    }

    @Test
    void theTargetIs15UntilTheCciSetsIt() {
        given().auth().oauth2(Tokens.analyst()).when().get("/targets/2033").then().statusCode(200)
                .body("target", equalTo(15)).body("supportedSmes", equalTo(0));
        given().auth().oauth2(Tokens.cci()).contentType("application/json").body("{\"target\": 18}")
                .when().put("/targets/2033").then().statusCode(200).body("year", equalTo(2033)).body("target", equalTo(18));
        given().auth().oauth2(Tokens.analyst()).when().get("/targets/2033").then().statusCode(200).body("target", equalTo(18));
    }

    @Test
    void supportedSmesMonthByMonthAndAStraightLineForecast() {
        given().auth().oauth2(Tokens.cci()).contentType("application/json").body("{\"target\": 3}")
                .when().put("/targets/" + YEAR).then().statusCode(200);
        // 1 July 2032 is day 183 of a 366-day year: 2 SMEs so far make 4.0 by the year's end
        given().auth().oauth2(Tokens.analyst()).when().get("/targets/" + YEAR + "?asOf=2032-07-01T10:00:00Z")
                .then().statusCode(200)
                .body("target", equalTo(3))
                .body("supportedSmes", equalTo(2))
                .body("months.supportedSmes", contains(0, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2))
                .body("forecast", equalTo(4.0f))
                .body("onTrack", equalTo(true));
    }

    @Test
    void theForecastIsAStraightLine() {
        assertThat(Targets.forecast(2032, 2, LocalDate.of(2032, 7, 1))).isEqualByComparingTo("4.0");
        assertThat(Targets.forecast(2032, 2, LocalDate.of(2031, 7, 1))).isEqualByComparingTo("0");
        assertThat(Targets.forecast(2032, 7, LocalDate.of(2033, 1, 1))).isEqualByComparingTo("7");
        assertThat(Targets.forecast(2027, 1, LocalDate.of(2027, 1, 1))).isEqualByComparingTo("365");
    }

    @Test
    void theCurveAsCsv() {
        String csv = given().auth().oauth2(Tokens.analyst()).when().get("/targets/" + YEAR + "?format=csv&asOf=2032-07-01T10:00:00Z")
                .then().statusCode(200).extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(13);
        assertThat(lines.get(0)).isEqualTo("year,month,supportedSmesCumulative,target,forecastAtYearEnd");
        assertThat(lines.get(5)).startsWith("2032,5,2,");
    }

    @Test
    void onlyTheCciSetsTargetsWithAValidNumber() {
        given().auth().oauth2(Tokens.analyst()).contentType("application/json").body("{\"target\": 3}")
                .when().put("/targets/" + YEAR).then().statusCode(403).contentType("application/problem+json");
        given().contentType("application/json").body("{\"target\": 3}").when().put("/targets/" + YEAR).then().statusCode(401);
        given().auth().oauth2(Tokens.cci()).contentType("application/json").body("{\"target\": -1}")
                .when().put("/targets/" + YEAR).then().statusCode(400).body("errors.field", contains("target"));
        given().auth().oauth2(Tokens.cci()).contentType("application/json").body("{}")
                .when().put("/targets/" + YEAR).then().statusCode(400).body("errors.field", contains("target"));
        given().auth().oauth2(Tokens.cci()).contentType("application/json").body("{\"target\": 3}")
                .when().put("/targets/1999").then().statusCode(400).body("errors.field", contains("year"));
        for (String token : List.of(Tokens.sme(id()), Tokens.partnerHr(id()), Tokens.volunteer(id()))) {
            given().auth().oauth2(token).when().get("/targets/" + YEAR).then().statusCode(403);
        }
    }
}
