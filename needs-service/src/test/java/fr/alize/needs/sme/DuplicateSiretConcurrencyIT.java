package fr.alize.needs.sme;

import fr.alize.needs.Smes;
import fr.alize.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.RepeatedTest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many applications with one SIRET, sent at the same instant over HTTP: exactly one is accepted, every other one is
 * a 409, and the event store holds one SmeApplied for that SIRET.
 */
@QuarkusTest
class DuplicateSiretConcurrencyIT {

    private static final int REQUESTS = 8;

    @Inject
    AgroalDataSource dataSource;

    @RepeatedTest(3)
    void simultaneousApplicationsWithOneSiretGiveOneSme() throws Exception {
        String siret = Smes.newSiret();
        String token = Tokens.cci();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().auth().oauth2(token).contentType("application/json")
                            .body(Smes.applicationBody(null, siret)).when().post("/smes").then().extract().statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(appliedEventsWith(siret)).isEqualTo(1);
    }

    private long appliedEventsWith(String siret) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT count(*) FROM domain_event_entry
                     WHERE payload_type LIKE '%SmeApplied' AND convert_from(payload, 'UTF8') LIKE ?""")) {
            query.setString(1, "%\"siret\":\"" + siret + "\"%");
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
