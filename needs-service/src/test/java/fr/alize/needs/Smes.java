package fr.alize.needs;

import fr.alize.testing.Tokens;

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;

/** Test data: SIRETs with a valid checksum, SMEs enrolled (and approved) through the API, need bodies. */
public final class Smes {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private Smes() {
    }

    /** A fresh 14-digit SIRET whose Luhn checksum is valid. */
    public static String newSiret() {
        String body = String.format("%013d", SEQUENCE.incrementAndGet() * 7919 % 10_000_000_000_000L);
        for (int check = 0; check < 10; check++) {
            String candidate = body + check;
            if (fr.alize.needs.sme.Siret.isValid(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException();
    }

    public static String applicationBody(String smeId, String siret) {
        return """
                {%s"siret": "%s", "name": "Fleurs du Hainaut", "nafCode": "47.76Z", "communeCode": "59606",
                 "headcount": 17, "hiringPlanJobs": 3,
                 "contact": {"name": "Claire Martin", "email": "claire@fleurs-hainaut.fr", "phone": "+33 3 27 00 00 00"}}"""
                .formatted(smeId == null ? "" : "\"smeId\": \"" + smeId + "\", ", siret);
    }

    /** Enrols an SME through the CCI and returns its id; it waits for the committee. */
    public static String applied() {
        return given().auth().oauth2(Tokens.cci()).contentType("application/json").body(applicationBody(null, newSiret()))
                .when().post("/smes").then().statusCode(201).extract().path("smeId");
    }

    public static void decide(String smeId, String decision) {
        given().auth().oauth2(Tokens.cci()).contentType("application/json")
                .body("{\"decision\": \"" + decision + "\", \"reason\": \"Committee of the month\"}")
                .when().post("/smes/" + smeId + "/decision").then().statusCode(204);
    }

    /** Enrols and approves an SME; returns its id. */
    public static String approved() {
        String smeId = applied();
        decide(smeId, "APPROVED");
        return smeId;
    }

    /** A need body, its window from tomorrow for two months. */
    public static String needBody(String smeId) {
        LocalDate start = LocalDate.now().plusDays(1);
        return """
                {%s"category": "IT_REQUIREMENTS", "title": "IT requirements for the new shop software",
                 "description": "Write the requirements spec", "skills": [{"skillId": "it-requirements", "level": 3}],
                 "effortDays": 5, "windowStart": "%s", "windowEnd": "%s"}"""
                .formatted(smeId == null ? "" : "\"smeId\": \"" + smeId + "\", ", start, start.plusMonths(2));
    }

    public static String publishNeed(String token, String smeId) {
        return given().auth().oauth2(token).contentType("application/json").body(needBody(smeId))
                .when().post("/needs").then().statusCode(201).extract().path("needId");
    }

    public static String randomId() {
        return UUID.randomUUID().toString();
    }
}
