package fr.alize.needs.need;

import fr.alize.needs.NeedsTopic;
import fr.alize.needs.SkillTaxonomyFeed;
import fr.alize.needs.Smes;
import fr.alize.needs.TestClock;
import fr.alize.platform.jdbc.Jdbc;
import fr.alize.testing.EventContracts;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import fr.alize.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static fr.alize.platform.events.EventEnvelope.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/** Withdrawal, expiry (with a clock the test moves, and once across instances), and the reads: one need, an SME's needs, filtered lists. */
@QuarkusTest
class NeedLifecycleIT {

    @Inject
    NeedExpiry expiry;
    @Inject
    Jdbc jdbc;
    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void skillTaxonomy() {
        SkillTaxonomyFeed.ensureReceived();
    }

    @AfterEach
    void clockBack() {
        TestClock.reset();
    }

    private static String withWindowEnd(String body, LocalDate end) {
        return body.replaceAll("\"windowEnd\": \"[0-9-]+\"", "\"windowEnd\": \"" + end + "\"");
    }

    @Test
    void aWithdrawnNeedKeepsItsReasonAndIsClosed() {
        String sme = Smes.approved();
        String token = Tokens.sme(sme);
        String needId = NeedPublicationIT.publish(token, null);
        given().auth().oauth2(token).contentType("application/json").body("{\"reason\": \"We hired an IT manager\"}")
                .when().post("/needs/" + needId + "/withdrawal").then().statusCode(204);
        given().auth().oauth2(token).when().get("/needs/" + needId).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("closeReason", equalTo("We hired an IT manager"));
        given().auth().oauth2(token).contentType("application/json").body("{\"reason\": \"again\"}")
                .when().post("/needs/" + needId + "/withdrawal").then().statusCode(409);
        given().auth().oauth2(token).contentType("application/json").body(Smes.needBody(null))
                .when().put("/needs/" + needId).then().statusCode(409);

        ConsumerRecord<String, String> withdrawn = NeedsTopic.recordsOf(needId, 2).get(1);
        assertThat(header(withdrawn, "ce_type")).isEqualTo("NeedWithdrawn");
        EventContracts.assertConforms(withdrawn);
    }

    @Test
    void needsWhoseWindowEndedExpireWhenTheJobRunsWithoutWaiting() {
        String sme = Smes.approved();
        String token = Tokens.sme(sme);
        String ending = NeedPublicationIT.publish(token, null); // window ends in two months
        String later = given().auth().oauth2(token).contentType("application/json")
                .body(withWindowEnd(Smes.needBody(null), LocalDate.now().plusMonths(6)))
                .when().post("/needs").then().statusCode(201).extract().path("needId");

        given().auth().oauth2(Tokens.cci()).when().post("/needs/expiry").then().statusCode(200);
        given().auth().oauth2(token).when().get("/needs/" + ending).then().body("status", equalTo("PUBLISHED"));

        TestClock.advance(Duration.ofDays(75));
        given().auth().oauth2(Tokens.cci()).when().post("/needs/expiry").then().statusCode(200)
                .body("expired", greaterThanOrEqualTo(1))
                .body("today", equalTo(LocalDate.now().plusDays(75).toString()));
        given().auth().oauth2(token).when().get("/needs/" + ending).then()
                .body("status", equalTo("EXPIRED"));
        given().auth().oauth2(token).when().get("/needs/" + later).then()
                .body("status", equalTo("PUBLISHED"));
        // an expired need is closed
        given().auth().oauth2(token).contentType("application/json").body("{\"reason\": \"late\"}")
                .when().post("/needs/" + ending + "/withdrawal").then().statusCode(409);

        ConsumerRecord<String, String> expired = NeedsTopic.recordsOf(ending, 2).get(1);
        assertThat(header(expired, "ce_type")).isEqualTo("NeedExpired");
        assertThat(header(expired, "ce_actorrole")).isEqualTo("system");
        EventContracts.assertConforms(expired);

        given().auth().oauth2(token).when().post("/needs/expiry").then().statusCode(403);
        given().when().post("/needs/expiry").then().statusCode(401);
    }

    @Test
    void listsFilterByStatusCategoryCommuneAndSkillAndPageInPublicationOrder() {
        String sme = Smes.approved();
        String token = Tokens.sme(sme);
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            published.add(NeedPublicationIT.publish(token, null));
        }
        String skill = "skill-" + sme; // a skill of this test only: a newer taxonomy version brings it
        String version = SkillTaxonomyFeed.versionAfterHeld(1);
        SkillTaxonomyFeed.produce(SkillTaxonomyFeed.taxonomy(version, skill), UUID.randomUUID().toString());
        SkillTaxonomyFeed.awaitHeld(version);
        String special = given().auth().oauth2(token).contentType("application/json")
                .body(Smes.needBody(null).replace("IT_REQUIREMENTS", "EXPORT").replace("it-requirements", skill)
                        .replace("\"effortDays\"", "\"communeCode\": \"2B033\", \"effortDays\""))
                .when().post("/needs").then().statusCode(201).extract().path("needId");
        published.add(special);
        given().auth().oauth2(token).contentType("application/json").body("{\"reason\": \"done without help\"}")
                .when().post("/needs/" + published.get(0) + "/withdrawal").then().statusCode(204);

        // an SME's needs, every status, in publication order, page by page
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            paged.addAll(given().auth().oauth2(token).when().get("/smes/" + sme + "/needs?size=2&page=" + page)
                    .then().statusCode(200).body("total", equalTo(6)).body("size", equalTo(2))
                    .extract().jsonPath().getList("items.needId"));
        }
        assertThat(paged).containsExactlyElementsOf(published);

        // an SME's list of /needs holds only its own needs
        List<String> own = given().auth().oauth2(token).when().get("/needs?size=100&status=PUBLISHED").then()
                .statusCode(200).body("total", equalTo(5)).extract().jsonPath().getList("items.needId");
        assertThat(own).containsExactlyElementsOf(published.subList(1, 6));

        given().auth().oauth2(Tokens.cci()).when().get("/needs?skill=" + skill).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].needId", equalTo(special))
                .body("items[0].skills[0].skillId", equalTo(skill));
        given().auth().oauth2(Tokens.cci()).when().get("/needs?skill=" + skill + "&category=EXPORT&commune=2b033&status=PUBLISHED")
                .then().statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(Tokens.cci()).when().get("/needs?skill=" + skill + "&category=ACCOUNTING").then()
                .statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(token).when().get("/smes/" + sme + "/needs?status=WITHDRAWN").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].closeReason", equalTo("done without help"));
    }

    // several instances: the expiry job runs once across them (an advisory lock held for the run)

    @Test
    void aRunWhileAnotherInstanceHoldsTheLockDoesNothing() throws Exception {
        String token = Tokens.sme(Smes.approved());
        String need = NeedPublicationIT.publish(token, null);
        TestClock.advance(Duration.ofDays(75));
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, NeedExpiry.LOCK);
                lock.execute();
            }
            given().auth().oauth2(Tokens.cci()).when().post("/needs/expiry").then().statusCode(200)
                    .body("alreadyRunning", equalTo(true)).body("expired", equalTo(0));
            given().auth().oauth2(token).when().get("/needs/" + need).then().body("status", equalTo("PUBLISHED"));
            other.rollback();
        }
        given().auth().oauth2(Tokens.cci()).when().post("/needs/expiry").then().statusCode(200)
                .body("alreadyRunning", equalTo(false));
        given().auth().oauth2(token).when().get("/needs/" + need).then().body("status", equalTo("EXPIRED"));
    }

    @Test
    void twoRunsAtOnceExpireEachNeedOnce() throws Exception {
        String token = Tokens.sme(Smes.approved());
        List<String> needs = List.of(NeedPublicationIT.publish(token, null), NeedPublicationIT.publish(token, null),
                NeedPublicationIT.publish(token, null));
        TestClock.advance(Duration.ofDays(75));
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<NeedExpiry.ExpiryRun>> runs = List.of(runWhen(go), runWhen(go));
        go.countDown();
        for (CompletableFuture<NeedExpiry.ExpiryRun> run : runs) {
            run.get();
        }
        for (String need : needs) {
            assertThat(jdbc.count("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?",
                    need, fr.alize.contracts.NeedsTopic.NEED_EXPIRED)).as("NeedExpired events of " + need).isEqualTo(1);
        }
    }

    private CompletableFuture<NeedExpiry.ExpiryRun> runWhen(CountDownLatch go) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return expiry.expireEndedNeeds();
        });
    }
}
