package fr.alize.platform.security;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** What the verification of a bearer token accepts, refuses and remembers. */
class IssuedAtCheckTest {

    private static final KeyPair KEYS = keys();

    private final IssuedAtCheck check = new IssuedAtCheck();
    private final JWTAuthContextInfo context = context();

    @Test
    void aVerifiedTokenIsRememberedForItsNextRequests() throws Exception {
        String token = sign(Instant.now(), Instant.now().plusSeconds(60), KEYS);
        assertThat(check.parse(token, context).getSubject()).isEqualTo("someone");
        assertThat(check.parse(token, context)).isSameAs(check.parse(token, context));
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() throws Exception {
        String token = sign(Instant.now(), Instant.now().plusSeconds(2), KEYS);
        check.parse(token, context);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> refused(token));
    }

    @Test
    void anotherSignatureIsVerifiedOnItsOwn() throws Exception {
        Instant now = Instant.now();
        check.parse(sign(now, now.plusSeconds(60), KEYS), context);
        assertThatThrownBy(() -> check.parse(sign(now, now.plusSeconds(60), keys()), context))
                .isInstanceOf(ParseException.class);
    }

    @Test
    void aTokenIssuedInTheFutureIsRefusedEveryTime() {
        Instant later = Instant.now().plusSeconds(600);
        String token = sign(later, later.plusSeconds(60), KEYS);
        assertThatThrownBy(() -> check.parse(token, context)).isInstanceOf(ParseException.class).hasMessageContaining("iat");
        assertThatThrownBy(() -> check.parse(token, context)).isInstanceOf(ParseException.class).hasMessageContaining("iat");
    }

    private boolean refused(String token) {
        try {
            check.parse(token, context);
            return false;
        } catch (ParseException e) {
            return true;
        }
    }

    private static String sign(Instant issuedAt, Instant expiresAt, KeyPair keys) {
        return Jwt.issuer("alize").subject("someone").issuedAt(issuedAt).expiresAt(expiresAt).sign(keys.getPrivate());
    }

    private static JWTAuthContextInfo context() {
        JWTAuthContextInfo info = new JWTAuthContextInfo((RSAPublicKey) KEYS.getPublic(), "alize");
        info.setClockSkew(0);
        return info;
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
