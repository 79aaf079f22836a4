package fr.alize.needs.need;

import fr.alize.needs.SkillTaxonomyFeed;
import fr.alize.needs.Smes;
import fr.alize.needs.TestClock;
import fr.alize.platform.jdbc.Jdbc;
import fr.alize.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The expiry job runs once across instances: a run that finds the advisory lock taken does nothing. */
@QuarkusTest
class NeedExpiryLockTest {

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

    @Test
    void aRunWhileAnotherInstanceHoldsTheLockDoesNothing() throws Exception {
        String token = Tokens.sme(Smes.approved());
        String need = NeedPublicationTest.publish(token, null);
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
        List<String> needs = List.of(NeedPublicationTest.publish(token, null), NeedPublicationTest.publish(token, null),
                NeedPublicationTest.publish(token, null));
        TestClock.advance(Duration.ofDays(75));
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<NeedExpiry.ExpiryRun>> runs = List.of(runWhen(go), runWhen(go));
        go.countDown();
        for (CompletableFuture<NeedExpiry.ExpiryRun> run : runs) {
            run.get();
        }
        for (String need : needs) {
            assertThat(jdbc.count("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?",
                    need, NeedEvents.NeedExpired.class.getName())).as("NeedExpired events of " + need).isEqualTo(1);
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
