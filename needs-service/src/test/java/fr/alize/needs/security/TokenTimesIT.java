package fr.alize.needs.security;

import fr.alize.infra.AlizeRole;
import fr.alize.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * A token's times, checked by the real verification over HTTP: expiry with only a few seconds of clock skew, no
 * issue time in the future, and a lifetime of at most 12 hours (what the local launcher issues).
 */
@QuarkusTest
class TokenTimesIT {

    private static final Duration MAX_LIFETIME = Duration.ofHours(12);

    private static Tokens.Builder cci() {
        return Tokens.builder().role(AlizeRole.CCI, null).subject("cci-coordinator");
    }

    private static ValidatableResponse listNeeds(Tokens.Builder token) {
        return given().auth().oauth2(token.build()).when().get("/needs").then();
    }

    private static void refused(Tokens.Builder token) {
        listNeeds(token).statusCode(401).contentType("application/problem+json").body("status", equalTo(401))
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void aTokenPastItsExpiryIsRefusedWithinTheMinuteSmallRyeWouldHaveAllowed() {
        Instant now = Instant.now();
        refused(cci().issuedAt(now.minus(Duration.ofMinutes(10))).expiresAt(now.minusSeconds(55)));
    }

    @Test
    void aTokenOneSecondBeforeItsExpiryIsAccepted() {
        Instant now = Instant.now();
        listNeeds(cci().issuedAt(now.minus(Duration.ofMinutes(10))).expiresAt(now.plusSeconds(1))).statusCode(200);
    }

    @Test
    void aTokenIssuedInTheFutureIsRefused() {
        Instant inFiveMinutes = Instant.now().plus(Duration.ofMinutes(5));
        refused(cci().issuedAt(inFiveMinutes).expiresAt(inFiveMinutes.plus(Duration.ofHours(1))));
    }

    @Test
    void aTokenThatLivesLongerThanTwelveHoursIsRefused() {
        Instant now = Instant.now();
        refused(cci().issuedAt(now).expiresAt(now.plus(MAX_LIFETIME).plusSeconds(1)));
        refused(cci().issuedAt(now).expiresAt(now.plus(Duration.ofDays(30))));
    }

    @Test
    void aTokenOfTwelveHoursAsTheLauncherIssuesIsAccepted() {
        Instant now = Instant.now();
        listNeeds(cci().issuedAt(now).expiresAt(now.plus(MAX_LIFETIME))).statusCode(200);
    }

    @Test
    void aTokenWithoutIssueTimeIsRefused() {
        refused(cci().withoutClaim("iat"));
    }
}
