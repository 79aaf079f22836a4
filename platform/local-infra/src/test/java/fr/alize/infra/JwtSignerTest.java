package fr.alize.infra;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Outside Quarkus, as the launcher runs it: an RS256 token that holds exactly the claims given. */
class JwtSignerTest {

    @Test
    void aTokenIsSignedWithRs256AndHoldsExactlyTheClaimsGiven() throws Exception {
        KeyPair keys = RsaPem.generate();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "alize");
        claims.put("sub", "sme-\"quoted\"\n");
        claims.put("groups", List.of("sme"));
        claims.put("exp", 2_000_000_000L);
        String token = JwtSigner.sign(claims, keys.getPrivate());

        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(keys.getPublic());
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rsa.verify(Base64.getUrlDecoder().decode(parts[2])), "the signature verifies with the public key");

        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        assertTrue(header.contains("\"alg\":\"RS256\""), header);
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertTrue(payload.contains("\"groups\":[\"sme\"]"), payload);
        assertTrue(payload.contains("\"sub\":\"sme-\\\"quoted\\\"\\n\""), payload);
        assertTrue(payload.contains("\"exp\":2000000000"), payload);
        // no claim the caller did not give: no default iat or jti
        assertFalse(payload.contains("\"iat\""), payload);
        assertFalse(payload.contains("\"jti\""), payload);
    }
}
