package fr.alize.volunteer.bench;

import fr.alize.testing.Tokens;
import fr.alize.volunteer.Api;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test: 10,000 volunteers in 10 bulk requests of 1,000 against the real stack (PostgreSQL, Kafka,
 * the outbox running), then the same 10 requests again. Prints volunteers per second for both passes and their
 * time ratio. Run with {@code ./mvnw verify -pl volunteer-service -am -DskipITs -Dbench=true -Dtest=BulkUpsertBench}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class BulkUpsertBench {

    private static final int REQUESTS = 10;
    private static final int ROWS = 1000;
    private static final String[] SKILLS = {"it-requirements", "it-erp", "accounting-general", "finance-budget", "iso-9001",
            "quality-lean", "hr-recruitment", "management-project", "marketing-digital", "export-customs"};

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URL url;

    @Test
    void bulkUpsertOfTenThousandVolunteersThenTheSameAgain() {
        String partnerId = Api.enrolPartner();
        List<String> bodies = new ArrayList<>();
        for (int r = 0; r < REQUESTS; r++) {
            int request = r;
            bodies.add(IntStream.range(0, ROWS).mapToObj(i -> row(request * ROWS + i))
                    .collect(Collectors.joining(",", "{\"volunteers\": [", "]}")));
        }
        // warm-up (JIT, pools) on one partner, then both measured passes on a fresh partner
        upload(partnerId, bodies, "CREATED");
        long warmRepeat = timed(() -> upload(partnerId, bodies, "UNCHANGED"));
        String fresh = Api.enrolPartner();
        long created = timed(() -> upload(fresh, bodies, "CREATED"));
        long repeated = timed(() -> upload(fresh, bodies, "UNCHANGED"));
        int total = REQUESTS * ROWS;
        System.out.printf(Locale.ROOT, "%n=== BENCH bulk upsert: %d volunteers in %d requests%n", total, REQUESTS);
        System.out.printf(Locale.ROOT, "=== first upload : %6d ms  %8.0f volunteers/s%n", created, total * 1000.0 / created);
        System.out.printf(Locale.ROOT, "=== same again   : %6d ms  %8.0f volunteers/s%n", repeated, total * 1000.0 / repeated);
        System.out.printf(Locale.ROOT, "=== ratio repeated/first: %.3f (warm-up pass repeat: %d ms)%n%n",
                (double) repeated / created, warmRepeat);
    }

    /** Plain JDK HTTP client (rest-assured's Groovy parsing would cost more CPU than the service on 2 cores). */
    private void upload(String partnerId, List<String> bodies, String expectedOutcome) {
        String token = Tokens.partnerHr(partnerId);
        for (String body : bodies) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "partners/" + partnerId + "/volunteers/bulk"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(MAPPER.readTree(response.body()).path("outcomes").path(expectedOutcome).asInt()).isEqualTo(ROWS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static long timed(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String row(int n) {
        return """
                {"employeeRef": "EMP-%06d", "name": "Manager %d", "email": "manager%d@example.org", "phone": "+33 3 27 00 %02d %02d",
                 "skills": [{"skillId": "%s", "level": %d}, {"skillId": "%s", "level": %d}],
                 "daysPerMonth": %d, "absences": [{"from": "2026-08-01", "to": "2026-08-21"}],
                 "communeCode": "59606", "maxTravelKm": %d}""".formatted(n, n, n, n % 100, (n / 100) % 100,
                SKILLS[n % SKILLS.length], 1 + n % 4, SKILLS[(n + 3) % SKILLS.length], 1 + (n / 4) % 4, 1 + n % 4, 10 + n % 50);
    }
}
