package fr.alize.impact.partners;

import fr.alize.impact.TestEvents;
import fr.alize.impact.TestEvents.Mission;
import fr.alize.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static fr.alize.impact.TestEvents.event;
import static fr.alize.impact.TestEvents.id;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Hours, skill-days and their value per partner and year, corrections applied, against the pledge. */
@QuarkusTest
class ContributionsIT {

    static final int YEAR = 2034;
    static final Instant EARLY = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    static final String GLASS = id();
    static final String TRAINS = id();

    @BeforeEach
    void setUp() {
        TestEvents.once(this, ContributionsIT::timeGivenIn2034);
    }

    static void timeGivenIn2034() {
        Mission mission = Mission.of(id(), GLASS);
        String first = id();
        String second = id();
        // time logged before the partner's enrolment and pledge are read: another topic, another order
        mission.logged(first, "2034-03-02", 7, null).recordedAt(EARLY).send();
        TestEvents.Event halfDay = mission.logged(second, "2034-03-09", 3.5, null).recordedAt(EARLY);
        halfDay.send();
        halfDay.send(); // twice: counted once
        mission.logged(id(), "2033-12-30", 7, null).recordedAt(EARLY).send(); // another year
        // a correction recorded an hour later replaces the half day by a full one
        mission.logged(id(), "2034-03-09", 7, second).recordedAt(EARLY.plus(1, ChronoUnit.HOURS)).send();
        event("PartnerEnrolled").with("partnerId", GLASS).with("name", "Saint-Gobain Glass France").recordedAt(EARLY).send();
        event("PartnerPledgeSet").with("partnerId", GLASS).with("year", YEAR).with("pledgedDays", 10)
                .with("dailyRate", 650.0).recordedAt(EARLY).send();
        event("PartnerPledgeSet").with("partnerId", GLASS).with("year", YEAR).with("pledgedDays", 12)
                .with("dailyRate", 700.0).occurredAt(Instant.now().plusSeconds(1)).recordedAt(EARLY).send();
        event("PartnerPledgeSet").with("partnerId", GLASS).with("year", 2033).with("pledgedDays", 99)
                .with("dailyRate", 1.0).recordedAt(EARLY).send();
        // a partner that pledged but gave nothing yet
        event("PartnerEnrolled").with("partnerId", TRAINS).with("name", "Alstom Transport; Petite-Forêt").recordedAt(EARLY).send();
        event("PartnerPledgeSet").with("partnerId", TRAINS).with("year", YEAR).with("pledgedDays", 20)
                .with("dailyRate", 500.0).recordedAt(EARLY).send();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.analyst()).when().get("/contributions/" + YEAR).then().statusCode(200)
                        .body("partners", hasSize(2)).body("partners[1].hours", equalTo(14.0f))
                        .body("partners[0].pledgedDays", equalTo(20)).body("partners[1].pledgedDays", equalTo(12)));
    }

    @Test
    void hoursSkillDaysAndTheirValueAgainstThePledge() {
        given().auth().oauth2(Tokens.analyst()).when().get("/contributions/" + YEAR).then().statusCode(200)
                .body("hoursPerSkillDay", equalTo(7))
                .body("partners.name", contains("Alstom Transport; Petite-Forêt", "Saint-Gobain Glass France"))
                .body("partners[0].hours", equalTo(0.0f))
                .body("partners[0].value", equalTo(0.0f))
                .body("partners[1].partnerId", equalTo(GLASS))
                .body("partners[1].hours", equalTo(14.0f))
                .body("partners[1].skillDays", equalTo(2.0f))
                .body("partners[1].dailyRate", equalTo(700.0f))
                .body("partners[1].value", equalTo(1400.0f))
                .body("partners[1].pledgeShare", equalTo(0.167f));
    }

    @Test
    void asOfBeforeTheCorrectionTheHalfDayStillCounts() {
        given().auth().oauth2(Tokens.cci()).when().get("/contributions/" + YEAR + "?asOf=" + EARLY.plusSeconds(60))
                .then().statusCode(200)
                .body("partners[1].hours", equalTo(10.5f))
                .body("partners[1].skillDays", equalTo(1.5f))
                .body("partners[1].value", equalTo(1050.0f));
    }

    @Test
    void asCsvWithCommaDecimalsForFrenchSpreadsheets() {
        String csv = given().auth().oauth2(Tokens.analyst()).accept("text/csv").when().get("/contributions/" + YEAR + "?sep=semicolon")
                .then().statusCode(200).extract().asString();
        assertThat(csv.lines().toList()).containsExactly(
                "year;partnerId;partnerName;hours;skillDays;dailyRate;value;pledgedDays;pledgeShare",
                "2034;" + TRAINS + ";\"Alstom Transport; Petite-Forêt\";0,00;0,00;500,00;0,00;20;0,000",
                "2034;" + GLASS + ";Saint-Gobain Glass France;14,00;2,00;700,00;1400,00;12;0,167");
        String comma = given().auth().oauth2(Tokens.analyst()).accept("text/csv").when().get("/contributions/" + YEAR)
                .then().statusCode(200).extract().asString();
        assertThat(comma.lines().toList().get(2)).isEqualTo("2034," + GLASS + ",Saint-Gobain Glass France,14.00,2.00,700.00,1400.00,12,0.167");
    }

    @Test
    void aPartnerNameThatLooksLikeAFormulaIsExportedAsText() {
        int year = 2044;
        String hostile = id();
        String negative = id();
        event("PartnerEnrolled").with("partnerId", hostile).with("name", "=HYPERLINK(\"http://evil.example\";\"x\")").send();
        event("PartnerPledgeSet").with("partnerId", hostile).with("year", year).with("pledgedDays", 3).with("dailyRate", 100.0).send();
        event("PartnerEnrolled").with("partnerId", negative).with("name", "-3").send();
        event("PartnerPledgeSet").with("partnerId", negative).with("year", year).with("pledgedDays", 4).with("dailyRate", 100.0).send();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.analyst())
                .when().get("/contributions/" + year).then().body("partners", hasSize(2)));

        String csv = given().auth().oauth2(Tokens.analyst()).accept("text/csv").when().get("/contributions/" + year + "?sep=semicolon")
                .then().statusCode(200).extract().asString();

        assertThat(csv.lines().toList()).containsExactly(
                "year;partnerId;partnerName;hours;skillDays;dailyRate;value;pledgedDays;pledgeShare",
                "2044;" + negative + ";\"'-3\";0,00;0,00;100,00;0,00;4;0,000",
                "2044;" + hostile + ";\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"x\"\")\";0,00;0,00;100,00;0,00;3;0,000");
        // JSON answers keep the name as it is
        given().auth().oauth2(Tokens.analyst()).when().get("/contributions/" + year).then()
                .body("partners.name", contains("-3", "=HYPERLINK(\"http://evil.example\";\"x\")"));
    }

    @Test
    void onlyTheCciAndAnalystsRead() {
        given().when().get("/contributions/" + YEAR).then().statusCode(401);
        for (String token : List.of(Tokens.sme(id()), Tokens.partnerHr(GLASS), Tokens.volunteer(id()))) {
            given().auth().oauth2(token).when().get("/contributions/" + YEAR).then().statusCode(403);
        }
        given().auth().oauth2(Tokens.cci()).when().get("/contributions/2101").then().statusCode(400)
                .body("errors.field", contains("year"));
    }
}
