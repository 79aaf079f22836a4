package fr.alize.volunteer.hr;

import fr.alize.testing.Tokens;
import fr.alize.volunteer.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static fr.alize.volunteer.Api.as;
import static fr.alize.volunteer.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** The HR integration API: bulk, idempotent, per-row results, CSV, bulk offboarding, tenant-bound. */
@QuarkusTest
class BulkUpsertIT {

    @Inject
    AgroalDataSource dataSource;

    static String rows(String... rows) {
        return "{\"volunteers\": [" + String.join(",", rows) + "]}";
    }

    static ValidatableResponse bulk(String partnerId, String body, String key) {
        var request = as(Tokens.partnerHr(partnerId)).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.when().post("/partners/" + partnerId + "/volunteers/bulk").then();
    }

    /** The status line and the rest of the answer to a bulk upsert written on a plain socket. */
    static String rawBulk(String partnerId, String body, String key) {
        byte[] json = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST /partners/" + partnerId + "/volunteers/bulk HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + Tokens.partnerHr(partnerId) + "\r\nContent-Type: application/json\r\n"
                + "Idempotency-Key: " + key + "\r\nContent-Length: " + json.length + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(json);
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ValidatableResponse csv(String partnerId, String csv) {
        return as(Tokens.partnerHr(partnerId)).contentType("text/csv; charset=utf-8").body(csv)
                .when().post("/partners/" + partnerId + "/volunteers/bulk").then();
    }

    @Test
    void goodRowsAreAppliedAndBadRowsAreRejectedWithTheirReasons() {
        String partnerId = Api.enrolPartner();
        String body = rows(
                Api.volunteer("B-1", "Paul Durand", "it-requirements", 3),
                Api.volunteer("B-2", "Eva Morel", "it-requirementz", 3),                       // unknown skill
                "{\"employeeRef\": \"B-3\", \"name\": \"Zoe\", \"daysPerMonth\": \"many\"}",  // wrong type
                Api.volunteer("B-4", "Hugo Leroy", "finance-cash", 2),
                Api.volunteer("B-1", "Paul Durand bis", "it-requirements", 3),                 // repeated reference
                "42");
        bulk(partnerId, body, null).statusCode(200)
                .body("total", equalTo(6))
                .body("outcomes.CREATED", equalTo(2))
                .body("outcomes.REJECTED", equalTo(4))
                .body("results.outcome", equalTo(List.of("CREATED", "REJECTED", "REJECTED", "CREATED", "REJECTED", "REJECTED")))
                .body("results[1].errors[0].field", equalTo("skills[0].skillId"))
                .body("results[1].errors[0].message", containsString("it-requirements"))
                .body("results[2].errors[0].field", equalTo("daysPerMonth"))
                .body("results[4].errors[0].message", containsString("row 1"))
                .body("results[5].row", equalTo(6));

        as(Tokens.partnerHr(partnerId)).when().get("/partners/" + partnerId + "/volunteers").then()
                .body("items.employeeRef", equalTo(List.of("B-1", "B-4")))
                .body("items[0].name", equalTo("Paul Durand"));
    }

    @Test
    void theSamePayloadTwiceRecordsNothingNewAndChangesAreUpdates() {
        String partnerId = Api.enrolPartner();
        String first = rows(Api.volunteer("C-1", "Ines Faure", "iso-9001", 3), Api.volunteer("C-2", "Yann Roux", "iso-14001", 2));
        bulk(partnerId, first, null).statusCode(200).body("outcomes.CREATED", equalTo(2));
        long events = Api.events(dataSource);

        bulk(partnerId, first, null).statusCode(200).body("outcomes.UNCHANGED", equalTo(2)).body("outcomes.CREATED", nullValue());
        assertThat(Api.events(dataSource)).isEqualTo(events);

        String changed = rows(Api.volunteer("C-1", "Ines Faure", "iso-9001", 4), Api.volunteer("C-2", "Yann Roux-Martin", "iso-14001", 2));
        bulk(partnerId, changed, null).statusCode(200).body("results.outcome", equalTo(List.of("UPDATED", "UPDATED")));
        assertThat(Api.events(dataSource)).as("a new name is personal data: no event").isEqualTo(events + 1);
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswerAndCannotBeReusedForAnotherRequest() {
        String partnerId = Api.enrolPartner();
        String body = rows(Api.volunteer("D-1", "Lea Simon", "hr-training", 2));
        String key = UUID.randomUUID().toString();
        String firstAnswer = bulk(partnerId, body, key).statusCode(200).body("results[0].outcome", equalTo("CREATED"))
                .extract().asString();
        long events = Api.events(dataSource);

        bulk(partnerId, body, key).statusCode(200).header("Idempotent-Replayed", "true")
                .body("results[0].outcome", equalTo("CREATED"))
                .body(equalTo(firstAnswer));
        assertThat(Api.events(dataSource)).isEqualTo(events);
        problem(bulk(partnerId, rows(Api.volunteer("D-2", "Other", "hr-training", 2)), key), 422)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertThat(Api.events(dataSource)).isEqualTo(events);
        problem(bulk(partnerId, body, "x".repeat(101)), 400).body("errors[0].field", equalTo("Idempotency-Key"));
    }

    /**
     * A second request with a key whose first request has not answered yet is a 409 and runs nothing; once the first
     * answered, the key replays it. The first request is held in flight by a lock the test takes on the event store.
     */
    @Test
    void aRequestWithAKeyStillInFlightIsA409() throws Exception {
        String partnerId = Api.enrolPartner();
        String body = rows(Api.volunteer("K-1", "Lou Petit", "hr-training", 2));
        String key = UUID.randomUUID().toString();
        CompletableFuture<String> first;
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            lock.createStatement().execute("LOCK TABLE domain_event_entry IN EXCLUSIVE MODE");
            first = CompletableFuture.supplyAsync(() -> bulk(partnerId, body, key).statusCode(200).extract().asString());
            await().atMost(Duration.ofSeconds(20)).until(() -> inFlight(partnerId, key));
            long events = Api.events(dataSource);
            problem(bulk(partnerId, body, key), 409).body("detail", containsString("still being processed"));
            problem(bulk(partnerId, rows(Api.volunteer("K-2", "Other", "hr-training", 2)), key), 422);
            assertThat(first).isNotDone();
            assertThat(Api.events(dataSource)).isEqualTo(events);
            lock.rollback();
        }
        String answer = first.get(30, TimeUnit.SECONDS);
        assertThat(answer).contains("CREATED");
        bulk(partnerId, body, key).statusCode(200).header("Idempotent-Replayed", "true").body(equalTo(answer));
    }

    /** A key is forgotten 24 h (volunteer.idempotency.expiry) after its first use: the same key then runs a new request. */
    @Test
    void anIdempotencyKeyExpires() throws Exception {
        String partnerId = Api.enrolPartner();
        String key = UUID.randomUUID().toString();
        bulk(partnerId, rows(Api.volunteer("X-1", "Ines Roy", "hr-training", 2)), key).statusCode(200);
        usedAgo(partnerId, key, "23 hours 59 minutes");
        problem(bulk(partnerId, rows(Api.volunteer("X-2", "Other", "hr-training", 2)), key), 422);
        usedAgo(partnerId, key, "24 hours 1 second");
        bulk(partnerId, rows(Api.volunteer("X-2", "Other", "hr-training", 2)), key).statusCode(200)
                .header("Idempotent-Replayed", nullValue())
                .body("results[0].outcome", equalTo("CREATED"));
        as(Tokens.partnerHr(partnerId)).when().get("/partners/" + partnerId + "/volunteers").then().body("total", equalTo(2));
    }

    /** Backdates the first use of a key (the store's clock is the system's: the row is what ages). */
    private void usedAgo(String partnerId, String key, String interval) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE idempotent_request SET created_at = now() - CAST(? AS interval) WHERE partner_id = ? AND idempotency_key = ?")) {
            update.setString(1, interval);
            update.setString(2, partnerId);
            update.setString(3, key);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private boolean inFlight(String partnerId, String key) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM idempotent_request WHERE partner_id = ? AND idempotency_key = ? AND status IS NULL")) {
            query.setString(1, partnerId);
            query.setString(2, key);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1) == 1;
            }
        }
    }

    @Test
    void aRowWithAControlCharacterIsRejectedNamingTheFieldAndNothingOfItIsStored() {
        String partnerId = Api.enrolPartner();
        long events = Api.events(dataSource);
        String key = UUID.randomUUID().toString();
        String body = rows(
                Api.volunteer("N-1", "Paul\\u0000Durand", "it-requirements", 3),
                Api.volunteer("N-2\\u001b", "Eva Morel", "it-requirements", 3),
                Api.volunteer("N-3", "Hugo Leroy", "finance-cash", 2));
        bulk(partnerId, body, key).statusCode(200)
                .body("results.outcome", equalTo(List.of("REJECTED", "REJECTED", "CREATED")))
                .body("results[0].employeeRef", equalTo("N-1"))
                .body("results[0].errors[0].field", equalTo("name"))
                .body("results[0].errors[0].message", containsString("U+0000"))
                .body("results[1].employeeRef", nullValue()) // refused text is never echoed, nor stored with the answer
                .body("results[1].errors[0].field", equalTo("employeeRef"));
        assertThat(Api.events(dataSource)).as("only the good row is recorded").isEqualTo(events + 1);
        bulk(partnerId, body, key).statusCode(200).header("Idempotent-Replayed", "true");

        String offboarding = "{\"volunteers\": [{\"employeeRef\": \"N-3\\u0085\", \"reason\": \"LEFT_COMPANY\"},"
                + " {\"employeeRef\": \"" + "N".repeat(101) + "\", \"reason\": \"LEFT_COMPANY\"}]}";
        as(Tokens.partnerHr(partnerId)).body(offboarding).when().post("/partners/" + partnerId + "/volunteers/offboarding")
                .then().statusCode(200)
                .body("results.outcome", equalTo(List.of("REJECTED", "REJECTED")))
                .body("results.errors.flatten().field", equalTo(List.of("employeeRef", "employeeRef")));
        // RestAssured's client does not send such a header as it is, so the request is written by hand. The HTTP
        // server refuses a control character in any header value itself (an empty 400, before our code runs);
        // the resource's own check of the key stands behind it.
        String answer = rawBulk(partnerId, rows(Api.volunteer("N-4", "Lea Simon", "hr-training", 2)), "ke\u0001y");
        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(Api.events(dataSource)).isEqualTo(events + 1);
    }

    @Test
    void aCsvFileWorksLikeTheJsonFormWithEitherSeparator() {
        String partnerId = Api.enrolPartner();
        String semicolons = """
                employeeRef;name;email;phone;skills;daysPerMonth;absences;communeCode;maxTravelKm
                F-1;"Dupont; Jean";jean.dupont@example.org;+33 6 00 00 00 01;it-erp:3|finance-budget:2;2;2026-07-20/2026-08-14;59606;30
                F-2;Marie Curie;marie@example.org;;cooking:2;1;;59350;10
                F-3;Bad Days;bad@example.org;;it-erp:3;lots;;59350;10
                F-4;Short line
                F-5;Bad skills;bs@example.org;;it-erp;1;;59350;10
                """;
        csv(partnerId, semicolons).statusCode(200)
                .body("results.outcome", equalTo(List.of("CREATED", "REJECTED", "REJECTED", "REJECTED", "REJECTED")))
                .body("results[1].errors[0].field", equalTo("skills[0].skillId"))
                .body("results[2].errors[0].field", equalTo("daysPerMonth"))
                .body("results[3].errors[0].message", containsString("line 5"))
                .body("results[4].errors[0].field", equalTo("skills"));
        as(Tokens.partnerHr(partnerId)).when().get("/partners/" + partnerId + "/volunteers?skill=finance-budget").then()
                .body("items[0].name", equalTo("Dupont; Jean"))
                .body("items[0].absences[0].to", equalTo("2026-08-14"));

        String commas = "employeeRef,name,email,skills,daysPerMonth,communeCode,maxTravelKm\n"
                + "F-1,\"Dupont; Jean\",jean.dupont@example.org,finance-budget:2|it-erp:3,2,59606,30\n";
        csv(partnerId, commas).statusCode(200).body("results[0].outcome", equalTo("UPDATED")); // phone and absences now empty
        csv(partnerId, commas).statusCode(200).body("results[0].outcome", equalTo("UNCHANGED"));
    }

    @Test
    void csvValuesThatLookLikeFormulasAreKeptAsText() {
        String partnerId = Api.enrolPartner();
        String file = """
                employeeRef;name;email;skills;daysPerMonth;communeCode;maxTravelKm
                -G-1;=1+2;formula@example.org;it-erp:3;1;59606;30
                G-2;@x;at@example.org;it-erp:3;1;59606;30
                G-3;"=HYPERLINK(""http://evil.example"";""x"")";link@example.org;it-erp:3;1;59606;30
                """;
        csv(partnerId, file).statusCode(200).body("results.outcome", equalTo(List.of("CREATED", "CREATED", "CREATED")));
        as(Tokens.partnerHr(partnerId)).when().get("/partners/" + partnerId + "/volunteers").then()
                .body("items.employeeRef", equalTo(List.of("-G-1", "G-2", "G-3")))
                .body("items.name", equalTo(List.of("=1+2", "@x", "=HYPERLINK(\"http://evil.example\";\"x\")")));
        csv(partnerId, file).statusCode(200).body("results.outcome", equalTo(List.of("UNCHANGED", "UNCHANGED", "UNCHANGED")));
    }

    @Test
    void aControlCharacterInACsvCellIsA400NamingLineAndColumnAndStoresNothing() {
        String partnerId = Api.enrolPartner();
        String file = "employeeRef;name;email;skills;daysPerMonth;communeCode;maxTravelKm\n"
                + "H-1;Fine Name;fine@example.org;it-erp:3;1;59606;30\n"
                + "H-2;Tab\tName;tab@example.org;it-erp:3;1;59606;30\n"
                + "H-3;\"Two\nLines\";nul\u0000@example.org;it-erp:3;1;59606;30\n";
        problem(csv(partnerId, file), 400)
                .body("errors.field", equalTo(List.of("name", "name", "email")))
                .body("errors[0].message", equalTo("line 3: must not hold a control character (U+0009)"))
                .body("errors[1].message", equalTo("line 4: must not hold a control character (U+000A)"))
                .body("errors[2].message", equalTo("line 4: must not hold a control character (U+0000)"));
        as(Tokens.partnerHr(partnerId)).when().get("/partners/" + partnerId + "/volunteers").then().body("total", equalTo(0));
    }

    @Test
    void aBrokenCsvFileIsA400NamingTheFile() {
        String partnerId = Api.enrolPartner();
        problem(csv(partnerId, ""), 400).body("errors[0].field", equalTo("file"));
        problem(csv(partnerId, "employeeRef;nom\nF-1;x\n"), 400).body("errors[0].message", containsString("nom"));
        problem(csv(partnerId, "name;email\nx;y\n"), 400).body("errors[0].message", containsString("employeeRef"));
        problem(csv(partnerId, "employeeRef;name\n\"F-1;x\n"), 400).body("errors[0].message", containsString("not closed"));
        problem(csv(partnerId, "employeeRef;name\nF-1;Anne\n\"F-2\"x;Paul\n"), 400)
                .body("errors[0].field", equalTo("file"))
                .body("errors[0].message", startsWith("line 3: a quoted value must be followed by the separator"));
        as(Tokens.partnerHr(partnerId)).when().get("/partners/" + partnerId + "/volunteers").then().body("total", equalTo(0));
        problem(as(Tokens.partnerHr(partnerId)).contentType("text/csv").body(new byte[]{'e', ';', (byte) 0xFF, '\n'})
                .when().post("/partners/" + partnerId + "/volunteers/bulk").then(), 400).body("errors[0].message", containsString("UTF-8"));
    }

    @Test
    void aRequestHoldsOneToAThousandRows() {
        String partnerId = Api.enrolPartner();
        problem(bulk(partnerId, rows(), null), 400).body("errors[0].field", equalTo("volunteers"));
        String tooMany = IntStream.rangeClosed(1, 1001).mapToObj(i -> "{}").collect(Collectors.joining(",", "{\"volunteers\": [", "]}"));
        problem(bulk(partnerId, tooMany, null), 400).body("errors[0].message", containsString("1001"));
        problem(bulk(partnerId, "{\"volunteers\": [", null), 400).body("errors[0].field", equalTo("body"));
        problem(bulk(partnerId, "{\"people\": []}", null), 400).body("errors[0].field", equalTo("volunteers"));
    }

    @Test
    void volunteersWhoLeftAreOffboardedInBulk() {
        String partnerId = Api.enrolPartner();
        bulk(partnerId, rows(Api.volunteer("G-1", "Noe Blanc", "legal-contracts", 2), Api.volunteer("G-2", "Rose Vidal", "legal-contracts", 3)), null)
                .statusCode(200);
        String leaving = """
                {"volunteers": [{"employeeRef": "G-1", "reason": "LEFT_COMPANY"}, {"employeeRef": "G-9", "reason": "LEFT_COMPANY"},
                                {"employeeRef": "G-2", "reason": "RETIRED"}]}""";
        as(Tokens.partnerHr(partnerId)).body(leaving).when().post("/partners/" + partnerId + "/volunteers/offboarding").then()
                .statusCode(200)
                .body("results.outcome", equalTo(List.of("OFFBOARDED", "REJECTED", "REJECTED")))
                .body("results[2].errors[0].field", equalTo("reason"));
        as(Tokens.partnerHr(partnerId)).body(leaving).when().post("/partners/" + partnerId + "/volunteers/offboarding").then()
                .body("results[0].outcome", equalTo("UNCHANGED"));
        // an offboarded volunteer sent again is rejected, the others go through
        bulk(partnerId, rows(Api.volunteer("G-1", "Noe Blanc", "legal-contracts", 3), Api.volunteer("G-2", "Rose Vidal", "legal-contracts", 4)), null)
                .body("results.outcome", equalTo(List.of("REJECTED", "UPDATED")))
                .body("results[0].errors[0].message", containsString("offboarded"));
    }

    @Test
    void aPartnerHrTokenOnlyTouchesItsOwnCompany() {
        String partnerId = Api.enrolPartner();
        String other = Tokens.partnerHr(UUID.randomUUID().toString());
        String body = rows(Api.volunteer("H-1", "Theo Garnier", "it-erp", 3));
        problem(as(other).body(body).when().post("/partners/" + partnerId + "/volunteers/bulk").then(), 403)
                .body(not(containsString(partnerId)));
        problem(as(other).contentType("text/csv").body("employeeRef\nH-1\n").when().post("/partners/" + partnerId + "/volunteers/bulk").then(), 403);
        problem(as(other).body("{\"volunteers\": []}").when().post("/partners/" + partnerId + "/volunteers/offboarding").then(), 403);
        problem(as(null).body(body).when().post("/partners/" + partnerId + "/volunteers/bulk").then(), 401);
        problem(as(Tokens.analyst()).body(body).when().post("/partners/" + partnerId + "/volunteers/bulk").then(), 403);
        problem(as(Tokens.cci()).body(body).when().post("/partners/" + UUID.randomUUID() + "/volunteers/bulk").then(), 404);
        as(Tokens.cci()).body(body).when().post("/partners/" + partnerId + "/volunteers/bulk").then().statusCode(200)
                .body("results.outcome", hasItem("CREATED"));
        as(Tokens.cci()).body(body).when().post("/partners/" + partnerId + "/volunteers/bulk").then()
                .body("results.outcome", hasItems("UNCHANGED"));
    }
}
