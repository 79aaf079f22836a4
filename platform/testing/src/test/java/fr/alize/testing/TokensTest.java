package fr.alize.testing;

import fr.alize.infra.AlizeRole;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks the tokens with jose4j, as the services' verifier would: RS256, issuer and audience alize. */
class TokensTest {

    private final JwtConsumer verifier = new JwtConsumerBuilder()
            .setVerificationKey(Tokens.publicKey())
            .setExpectedIssuer("alize")
            .setExpectedAudience("alize")
            .setRequireExpirationTime()
            .setRequireIssuedAt()
            .setRequireSubject()
            .build();

    @Test
    void roleTokensCarryGroupsAndTenant() throws Exception {
        JwtClaims sme = verifier.processToClaims(Tokens.sme("3f0b6a52-6f1e-4c38-9d2a-0d1c2b3a4e5f"));
        assertEquals(List.of("sme"), sme.getStringListClaimValue("groups"));
        assertEquals("3f0b6a52-6f1e-4c38-9d2a-0d1c2b3a4e5f", sme.getStringClaimValue("smeId"));
        assertEquals(sme.getSubject(), sme.getStringClaimValue("upn"));

        assertEquals("p1", verifier.processToClaims(Tokens.partnerHr("p1")).getStringClaimValue("partnerId"));
        JwtClaims volunteer = verifier.processToClaims(Tokens.volunteer("v1"));
        assertEquals("v1", volunteer.getStringClaimValue("volunteerId"));
        assertEquals(List.of("volunteer"), volunteer.getStringListClaimValue("groups"));

        JwtClaims cci = verifier.processToClaims(Tokens.cci());
        assertEquals(List.of("cci"), cci.getStringListClaimValue("groups"));
        assertNull(cci.getClaimValue("smeId"));
        assertTrue(cci.getExpirationTime().getValueInMillis() > System.currentTimeMillis());
        assertEquals(List.of("analyst"), verifier.processToClaims(Tokens.analyst()).getStringListClaimValue("groups"));
    }

    @Test
    void builderMakesTheOddCases() throws Exception {
        assertRejected(Tokens.builder().role(AlizeRole.CCI, null).expired().build());
        assertRejected(Tokens.builder().role(AlizeRole.CCI, null).signedWithForeignKey().build());
        assertRejected(Tokens.builder().role(AlizeRole.CCI, null).issuer("someone-else").build());
        assertRejected(Tokens.builder().role(AlizeRole.CCI, null).audience("other-api").build());

        JwtClaims odd = verifier.processToClaims(Tokens.builder().groups("cci", "analyst")
                .claim("smeId", "s1").claim("level", 3).build());
        assertEquals(List.of("cci", "analyst"), odd.getStringListClaimValue("groups"));
        assertEquals(3L, odd.getClaimValue("level"));
        assertFalse(odd.hasClaim("partnerId"));
        assertThrows(IllegalArgumentException.class, () -> Tokens.builder().role(AlizeRole.SME, null));
    }

    private void assertRejected(String token) {
        assertThrows(InvalidJwtException.class, () -> verifier.processToClaims(token));
    }
}
