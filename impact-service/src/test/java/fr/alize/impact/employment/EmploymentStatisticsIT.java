package fr.alize.impact.employment;

import fr.alize.impact.TestEvents;
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

/** Jobs created and preserved per year, sector, commune, EPCI and contract type; headcount against the baseline. */
@QuarkusTest
class EmploymentStatisticsIT {

    static final int YEAR = 2031;
    static final int EPCI_YEAR = 2046;
    static final String LILLE_METROPOLE = "200093201"; // Lille 59350, Villeneuve-d'Ascq 59009
    static final String VALENCIENNES_METROPOLE = "245901160"; // Valenciennes 59606, Marly 59383
    static final Instant EARLY = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void setUp() {
        TestEvents.once(this, () -> {
            figuresOf2031();
            figuresPerEpciOf2041();
        });
    }

    /** SMEs in two communes of one EPCI, one that moves to another EPCI later, one outside the region, one unseen. */
    static void figuresPerEpciOf2041() {
        String lille = id();
        String villeneuve = id();
        String paris = id();
        String unseen = id();
        event("SmeApplied").with("smeId", lille).with("communeCode", "59350").recordedAt(EARLY).send();
        event("SmeApplied").with("smeId", villeneuve).with("communeCode", "59009").recordedAt(EARLY).send();
        event("SmeApplied").with("smeId", paris).with("communeCode", "75056").recordedAt(EARLY).send();
        jobs(lille, 2, "CREATED");
        jobs(villeneuve, 3, "CREATED");
        jobs(paris, 1, "CREATED");
        jobs(unseen, 4, "PRESERVED");
        // an hour later the Villeneuve-d'Ascq SME moves to Marly: its jobs follow it to the other EPCI from then on
        event("SmeProfileUpdated").with("smeId", villeneuve).with("communeCode", "59383")
                .occurredAt(Instant.now().plusSeconds(1)).recordedAt(EARLY.plus(1, ChronoUnit.HOURS)).send();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.analyst()).when().get("/employment/" + EPCI_YEAR).then().statusCode(200)
                        .body("byEpci.key", contains(LILLE_METROPOLE, VALENCIENNES_METROPOLE, "UNKNOWN")));
    }

    private static void jobs(String smeId, int count, String kind) {
        event("JobsReported").with("smeId", smeId).with("reportId", id()).with("date", EPCI_YEAR + "-05-01")
                .with("count", count).with("kind", kind).with("contractType", "CDI").recordedAt(EARLY).send();
    }

    static void figuresOf2031() {
        String florist = id();
        String foundry = id();
        // job reports first: the SMEs' applications arrive after them, on another topic partition
        event("JobsReported").with("smeId", florist).with("reportId", id()).with("date", "2031-03-02").with("count", 2)
                .with("kind", "CREATED").with("contractType", "CDI").recordedAt(EARLY).send();
        String corrected = id();
        event("JobsReported").with("smeId", florist).with("reportId", corrected).with("date", "2031-04-02").with("count", 5)
                .with("kind", "CREATED").with("contractType", "APPRENTICESHIP").recordedAt(EARLY).send();
        // the same report sent again with the right count: counts once, with its latest values
        event("JobsReported").with("smeId", florist).with("reportId", corrected).with("date", "2031-04-02").with("count", 1)
                .with("kind", "CREATED").with("contractType", "APPRENTICESHIP").occurredAt(Instant.now().plusSeconds(1))
                .recordedAt(EARLY.plusSeconds(1)).send();
        event("JobsReported").with("smeId", foundry).with("reportId", id()).with("date", "2031-12-31").with("count", 3)
                .with("kind", "PRESERVED").with("contractType", "CDD").recordedAt(EARLY).send();
        event("JobsReported").with("smeId", foundry).with("reportId", id()).with("date", "2030-12-31").with("count", 40)
                .with("kind", "CREATED").with("contractType", "CDI").recordedAt(EARLY).send();
        event("HeadcountDeclared").with("smeId", florist).with("date", "2031-06-30").with("headcount", 21).recordedAt(EARLY).send();
        event("HeadcountDeclared").with("smeId", florist).with("date", "2032-01-15").with("headcount", 30).recordedAt(EARLY).send();
        event("SmeApplied").with("smeId", florist).with("nafCode", "47.76Z").with("communeCode", "59606")
                .with("headcount", 17).recordedAt(EARLY).send();
        event("SmeApplied").with("smeId", foundry).with("siret", "73282932000074").with("nafCode", "24.51Z")
                .with("communeCode", "59383").with("headcount", 60).recordedAt(EARLY).send();
        // a report recorded an hour later: not in the figures as of before it
        event("JobsReported").with("smeId", foundry).with("reportId", id()).with("date", "2031-10-01").with("count", 4)
                .with("kind", "CREATED").with("contractType", "INTERIM").recordedAt(EARLY.plus(1, ChronoUnit.HOURS)).send();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.analyst()).when().get("/employment/" + YEAR).then().statusCode(200)
                        .body("jobsCreated", equalTo(7)).body("byNafSection.key", contains("C", "G")));
    }

    @Test
    void jobsPerSectorCommuneAndContractTypeWithTheHeadcountChange() {
        given().auth().oauth2(Tokens.analyst()).when().get("/employment/" + YEAR).then().statusCode(200)
                .body("year", equalTo(YEAR))
                .body("jobsCreated", equalTo(7))
                .body("jobsPreserved", equalTo(3))
                .body("byNafSection.key", contains("C", "G"))
                .body("byNafSection.jobsCreated", contains(4, 3))
                .body("byNafSection.jobsPreserved", contains(3, 0))
                .body("byCommune.key", contains("59383", "59606"))
                .body("byEpci.key", contains(VALENCIENNES_METROPOLE)) // Marly and Valenciennes: one EPCI
                .body("byEpci.jobsCreated", contains(7))
                .body("byEpci.jobsPreserved", contains(3))
                .body("byContractType.key", contains("APPRENTICESHIP", "CDD", "CDI", "INTERIM"))
                .body("byContractType.jobsCreated", contains(1, 0, 2, 4))
                .body("headcount.smes", equalTo(1))
                .body("headcount.baseline", equalTo(17))
                .body("headcount.declared", equalTo(21))
                .body("headcount.change", equalTo(4));
    }

    @Test
    void asOfAnEarlierTimeTheLaterReportDoesNotCount() {
        given().auth().oauth2(Tokens.cci()).when().get("/employment/" + YEAR + "?asOf=" + EARLY.plusSeconds(600))
                .then().statusCode(200).body("jobsCreated", equalTo(3))
                .body("byContractType.key", contains("APPRENTICESHIP", "CDD", "CDI"));
        given().auth().oauth2(Tokens.cci()).when().get("/employment/" + YEAR + "?asOf=" + EARLY)
                .then().statusCode(200).body("jobsCreated", equalTo(2 + 5)); // the first version of the corrected report
    }

    @Test
    void jobsPerEpciFromTheCommunesReferenceAsOfAnyTime() {
        // now: the moved SME counts in Valenciennes Métropole; Paris (outside the reference) and an SME whose
        // application was never read have no EPCI
        given().auth().oauth2(Tokens.analyst()).when().get("/employment/" + EPCI_YEAR).then().statusCode(200)
                .body("byEpci.key", contains(LILLE_METROPOLE, VALENCIENNES_METROPOLE, "UNKNOWN"))
                .body("byEpci.jobsCreated", contains(2, 3, 1))
                .body("byEpci.jobsPreserved", contains(0, 0, 4));
        // as of before the move: both SMEs in the Métropole Européenne de Lille
        given().auth().oauth2(Tokens.cci()).when().get("/employment/" + EPCI_YEAR + "?asOf=" + EARLY.plusSeconds(600))
                .then().statusCode(200)
                .body("byEpci.key", contains(LILLE_METROPOLE, "UNKNOWN"))
                .body("byEpci.jobsCreated", contains(5, 1))
                .body("byEpci.jobsPreserved", contains(0, 4));
        String csv = given().auth().oauth2(Tokens.cci()).when()
                .get("/employment/" + EPCI_YEAR + "?format=csv&asOf=" + EARLY.plusSeconds(600)).then().statusCode(200)
                .extract().asString();
        assertThat(csv.lines().filter(line -> line.contains(",epci,")).toList()).containsExactly(
                EPCI_YEAR + ",epci," + LILLE_METROPOLE + ",5,0,,,,",
                EPCI_YEAR + ",epci,UNKNOWN,1,4,,,,");
    }

    @Test
    void asCsvForASpreadsheet() {
        String csv = given().auth().oauth2(Tokens.analyst()).accept("text/csv")
                .when().get("/employment/" + YEAR + "?sep=semicolon").then().statusCode(200)
                .contentType("text/csv; charset=UTF-8").extract().asString();
        assertThat(csv.lines().toList()).containsExactly(
                "year;dimension;key;jobsCreated;jobsPreserved;headcountSmes;headcountBaseline;headcountDeclared;headcountChange",
                "2031;total;;7;3;1;17;21;4",
                "2031;nafSection;C;4;3;;;;",
                "2031;nafSection;G;3;0;;;;",
                "2031;commune;59383;4;3;;;;",
                "2031;commune;59606;3;0;;;;",
                "2031;epci;245901160;7;3;;;;",
                "2031;contractType;APPRENTICESHIP;1;0;;;;",
                "2031;contractType;CDD;0;3;;;;",
                "2031;contractType;CDI;2;0;;;;",
                "2031;contractType;INTERIM;4;0;;;;");
    }

    @Test
    void aYearOutOfRangeAndRolesThatMayNotRead() {
        given().auth().oauth2(Tokens.cci()).when().get("/employment/1999").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("year"));
        given().when().get("/employment/" + YEAR).then().statusCode(401);
        for (String token : List.of(Tokens.sme(id()), Tokens.partnerHr(id()), Tokens.volunteer(id()))) {
            given().auth().oauth2(token).when().get("/employment/" + YEAR).then().statusCode(403);
        }
    }
}
