package fr.alize.impact.programme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.alize.impact.TestEvents;
import fr.alize.impact.TestEvents.Mission;
import fr.alize.testing.EventContracts;
import fr.alize.testing.KafkaTestTopics;
import fr.alize.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;

import static fr.alize.impact.TestEvents.event;
import static fr.alize.impact.TestEvents.id;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** Programme totals over a period, the yearly figures, and their compacted topic. */
@QuarkusTest
class ProgrammeFiguresIT {

    static final ObjectMapper MAPPER = new ObjectMapper();

    @BeforeEach
    void setUp() {
        TestEvents.once(this, ProgrammeFiguresIT::twoYearsOfTheProgramme);
    }

    static void twoYearsOfTheProgramme() {
        String a = id();
        String b = id();
        String c = id();
        Mission first = Mission.of(a, id());
        first.started("2035-03-01").send();
        first.logged(id(), "2035-03-02", 7, null).send();
        first.logged(id(), "2035-03-03", 3.5, null).send();
        Mission.of(b, id()).started("2035-11-15").send();
        Mission.of(a, id()).started("2036-01-10").send();
        Mission.of(c, id()).started("2036-06-01").send();
        event("JobsReported").with("smeId", a).with("reportId", id()).with("date", "2035-09-01").with("count", 12)
                .with("kind", "CREATED").with("contractType", "CDI").send();
        event("JobsReported").with("smeId", b).with("reportId", id()).with("date", "2036-02-01").with("count", 5)
                .with("kind", "CREATED").with("contractType", "CDD").send();
        event("JobsReported").with("smeId", c).with("reportId", id()).with("date", "2036-02-01").with("count", 2)
                .with("kind", "PRESERVED").with("contractType", "CDI").send();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.analyst()).when().get("/totals?from=2035-01-01&to=2036-12-31")
                        .then().statusCode(200).body("jobsPreserved", equalTo(2)).body("missionsStarted", equalTo(4)));
    }

    @Test
    void companiesSupportedAndJobsCreatedOverTwoYears() {
        given().auth().oauth2(Tokens.analyst()).when().get("/totals?from=2035-01-01&to=2036-12-31").then().statusCode(200)
                .body("companiesSupported", equalTo(3))
                .body("missionsStarted", equalTo(4))
                .body("jobsCreated", equalTo(17))
                .body("jobsPreserved", equalTo(2));
        given().auth().oauth2(Tokens.analyst()).when().get("/totals?from=2035-11-15&to=2036-01-31").then().statusCode(200)
                .body("companiesSupported", equalTo(2)).body("jobsCreated", equalTo(0));
        String csv = given().auth().oauth2(Tokens.cci()).accept("text/csv").when().get("/totals?from=2035-01-01&to=2036-12-31")
                .then().statusCode(200).extract().asString();
        assertThat(csv.lines().toList()).containsExactly(
                "from,to,companiesSupported,missionsStarted,jobsCreated,jobsPreserved", "2035-01-01,2036-12-31,3,4,17,2");
    }

    /** Periods that cut months: the whole months come from their rollup, the days of the others one by one. */
    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource({
            "2035-03-01, 2035-03-01, 1, 1, 0, 0",
            "2035-03-02, 2036-01-10, 2, 2, 12, 0",
            "2035-02-15, 2036-01-09, 2, 2, 12, 0",
            "2036-01-10, 2036-06-01, 2, 2, 5, 2",
            "2036-01-11, 2036-05-31, 0, 0, 5, 2",
            "2035-03-01, 2036-06-01, 3, 4, 17, 2",
            "2035-09-01, 2035-09-30, 0, 0, 12, 0"})
    void periodsThatCutMonthsCountTheirDaysOnly(String from, String to, int companies, int missions, int created,
                                                 int preserved) {
        given().auth().oauth2(Tokens.analyst()).when().get("/totals?from=" + from + "&to=" + to).then().statusCode(200)
                .body("companiesSupported", equalTo(companies))
                .body("missionsStarted", equalTo(missions))
                .body("jobsCreated", equalTo(created))
                .body("jobsPreserved", equalTo(preserved));
    }

    @Test
    void aPeriodNeedsTwoDatesInOrder() {
        given().auth().oauth2(Tokens.cci()).when().get("/totals?from=2035-01-01").then().statusCode(400)
                .body("errors.field", contains("to"));
        given().auth().oauth2(Tokens.cci()).when().get("/totals?from=01/01/2035&to=2035-12-31").then().statusCode(400)
                .body("errors.field", contains("from"));
        given().auth().oauth2(Tokens.cci()).when().get("/totals?from=2036-01-01&to=2035-12-31").then().statusCode(400)
                .body("errors.field", contains("to"));
        given().auth().oauth2(Tokens.partnerHr(id())).when().get("/totals?from=2035-01-01&to=2036-12-31").then().statusCode(403);
        given().when().get("/yearly").then().statusCode(401);
        given().auth().oauth2(Tokens.sme(id())).when().get("/yearly").then().statusCode(403);
    }

    @Test
    void yearlyFiguresAsJsonAndCsv() {
        given().auth().oauth2(Tokens.analyst()).when().get("/yearly").then().statusCode(200)
                .body("years.find { it.year == 2035 }.supportedSmes", equalTo(2))
                .body("years.find { it.year == 2035 }.jobsCreated", equalTo(12))
                .body("years.find { it.year == 2035 }.hours", equalTo(10.5f))
                .body("years.find { it.year == 2035 }.skillDays", equalTo(1.5f))
                .body("years.find { it.year == 2035 }.target", equalTo(15))
                .body("years.find { it.year == 2036 }.supportedSmes", equalTo(2))
                .body("years.find { it.year == 2036 }.jobsPreserved", equalTo(2));
        String csv = given().auth().oauth2(Tokens.analyst()).when().get("/yearly?format=csv").then().statusCode(200)
                .extract().asString();
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("year,target,supportedSmes,jobsCreated,jobsPreserved,hours,skillDays");
        assertThat(csv.lines()).contains("2035,15,2,12,0,10.50,1.50");
    }

    @Test
    void theCompactedTopicHoldsTheLatestFiguresOfEachYear() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode latest = latest("2036");
            assertThat(latest).isNotNull();
            assertThat(latest.path("supportedSmes").asInt()).isEqualTo(2);
            assertThat(latest.path("jobsCreated").asInt()).isEqualTo(5);
        });
        // a job report for 2037 gives 2037 its record; a second one changes it: a new record for 2037 follows
        event("JobsReported").with("smeId", id()).with("reportId", id()).with("date", "2037-07-01").with("count", 3)
                .with("kind", "CREATED").with("contractType", "CDI").send();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode latest = latest("2037");
            assertThat(latest).isNotNull();
            assertThat(latest.path("jobsCreated").asInt()).isEqualTo(3);
        });
        event("JobsReported").with("smeId", id()).with("reportId", id()).with("date", "2037-08-01").with("count", 2)
                .with("kind", "CREATED").with("contractType", "CDD").send();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(latest("2037").path("jobsCreated").asInt()).isEqualTo(5));
        List<ConsumerRecord<String, String>> records = KafkaTestTopics.readAll("alize.impact.yearly");
        records.forEach(EventContracts::assertConforms);
        assertThat(records).extracting(ConsumerRecord::key).contains("2035", "2036", "2037");
    }

    static JsonNode latest(String year) throws Exception {
        JsonNode latest = null;
        for (ConsumerRecord<String, String> record : KafkaTestTopics.readAll("alize.impact.yearly")) {
            if (year.equals(record.key())) {
                latest = MAPPER.readTree(record.value());
            }
        }
        return latest;
    }
}
