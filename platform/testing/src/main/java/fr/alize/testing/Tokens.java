package fr.alize.testing;

import fr.alize.infra.AlizeRole;
import fr.alize.infra.JwtSigner;
import fr.alize.infra.RsaPem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * RS256 tokens for the services' tests, signed with the TEST-ONLY key pair of this module
 * ({@code fr/alize/testing/test-only-jwt-*.pem}). {@link AlizeInfraResource} configures the services
 * under test with the matching public key.
 *
 * <pre>
 *   given().auth().oauth2(Tokens.sme(smeId)).get("/needs")...
 *   Tokens.builder().role(AlizeRole.CCI, null).expired().build()
 * </pre>
 */
public final class Tokens {

    public static final String ISSUER = AlizeRole.ISSUER;
    public static final String AUDIENCE = AlizeRole.AUDIENCE;
    public static final String PRIVATE_KEY_RESOURCE = "test-only-jwt-private-key.pem";
    public static final String PUBLIC_KEY_RESOURCE = "test-only-jwt-public-key.pem";

    private static final PrivateKey PRIVATE_KEY = RsaPem.privateKey(resource(PRIVATE_KEY_RESOURCE));
    private static volatile PrivateKey foreignKey;

    private Tokens() {
    }

    public static String cci() {
        return builder().role(AlizeRole.CCI, null).subject("cci-coordinator").build();
    }

    public static String analyst() {
        return builder().role(AlizeRole.ANALYST, null).subject("cci-analyst").build();
    }

    public static String sme(String smeId) {
        return builder().role(AlizeRole.SME, smeId).subject("sme-manager-" + smeId).build();
    }

    public static String partnerHr(String partnerId) {
        return builder().role(AlizeRole.PARTNER_HR, partnerId).subject("partner-hr-" + partnerId).build();
    }

    public static String volunteer(String volunteerId) {
        return builder().role(AlizeRole.VOLUNTEER, volunteerId).subject(volunteerId).build();
    }

    /** A valid token (issuer and audience alize, 1 h) to adjust: role, claims, expiry, signature. */
    public static Builder builder() {
        return new Builder();
    }

    /** The test public key (PEM) the services verify these tokens with. */
    public static String publicKeyPem() {
        return resource(PUBLIC_KEY_RESOURCE);
    }

    public static PublicKey publicKey() {
        return RsaPem.publicKey(publicKeyPem());
    }

    /** Writes the test public key into {@code dir} and returns the file (for mp.jwt.verify.publickey.location). */
    public static Path writePublicKey(Path dir) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(PUBLIC_KEY_RESOURCE), publicKeyPem(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = Tokens.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test key " + name + " missing from alize-testing");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PrivateKey foreignKey() {
        if (foreignKey == null) {
            foreignKey = RsaPem.generate().getPrivate();
        }
        return foreignKey;
    }

    /** Builds a token; every setter returns the builder. */
    public static final class Builder {
        private final Map<String, Object> claims = new LinkedHashMap<>();
        private Duration ttl = Duration.ofHours(1);
        private boolean expired;
        private Instant issuedAt;
        private Instant expiresAt;
        private final Set<String> omitted = new HashSet<>();
        private PrivateKey key = PRIVATE_KEY;

        private Builder() {
            claims.put("iss", ISSUER);
            claims.put("aud", AUDIENCE);
            claims.put("sub", "test-user");
            claims.put("upn", "test-user");
            claims.put("groups", List.of());
        }

        /** Sets {@code groups} to the role, and its tenant claim ({@code smeId}...) when the role has one. */
        public Builder role(AlizeRole role, String tenantId) {
            claims.put("groups", List.of(role.group()));
            role.tenantClaim().ifPresent(claim -> {
                if (tenantId == null) {
                    throw new IllegalArgumentException(role.group() + " tokens need a " + claim);
                }
                claims.put(claim, tenantId);
            });
            return this;
        }

        /** Sets {@code sub} and {@code upn} (the principal name). */
        public Builder subject(String subject) {
            claims.put("sub", subject);
            claims.put("upn", subject);
            return this;
        }

        public Builder groups(String... groups) {
            claims.put("groups", List.of(groups));
            return this;
        }

        public Builder issuer(String issuer) {
            return claim("iss", issuer);
        }

        public Builder audience(String audience) {
            return claim("aud", audience);
        }

        /** Any claim: string, number, boolean, list or map. */
        public Builder claim(String name, Object value) {
            claims.put(name, value);
            omitted.remove(name);
            return this;
        }

        /** Leaves the claim out, even {@code iat}, {@code exp} or {@code jti}, which are otherwise always set. */
        public Builder withoutClaim(String name) {
            claims.remove(name);
            omitted.add(name);
            return this;
        }

        /** Expires {@code ttl} after it is issued (1 h by default). */
        public Builder expiresIn(Duration ttl) {
            this.ttl = ttl;
            this.expired = false;
            this.expiresAt = null;
            return this;
        }

        /** Sets {@code iat} (now by default); the expiry follows it by the time to live unless set. */
        public Builder issuedAt(Instant issuedAt) {
            this.issuedAt = issuedAt;
            return this;
        }

        /** Sets {@code exp} to this instant, whatever the time to live. */
        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            this.expired = false;
            return this;
        }

        /** Expired an hour ago (beyond any clock skew allowance). */
        public Builder expired() {
            this.expired = true;
            return this;
        }

        /** Signed by a key the services do not know: the signature does not verify. */
        public Builder signedWithForeignKey() {
            this.key = foreignKey();
            return this;
        }

        public Builder signedWith(PrivateKey key) {
            this.key = key;
            return this;
        }

        public String build() {
            Instant now = Instant.now();
            Map<String, Object> all = new LinkedHashMap<>(claims);
            Instant iat = issuedAt != null ? issuedAt : expired ? now.minus(Duration.ofHours(2)) : now;
            Instant exp = expiresAt != null ? expiresAt : expired ? now.minus(Duration.ofHours(1)) : iat.plus(ttl);
            all.putIfAbsent("iat", iat.getEpochSecond());
            all.putIfAbsent("exp", exp.getEpochSecond());
            all.putIfAbsent("jti", UUID.randomUUID().toString());
            all.keySet().removeAll(omitted);
            return JwtSigner.sign(all, key);
        }
    }
}
