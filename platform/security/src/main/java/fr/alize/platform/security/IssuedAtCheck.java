package fr.alize.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.time.Instant;

/**
 * SmallRye JWT's own verification (signature, issuer, audience, {@code exp} with {@code mp.jwt.verify.clock.skew},
 * {@code exp - iat} at most {@code smallrye.jwt.time-to-live}), plus the one check it has no setting for: a token
 * whose {@code iat} lies further in the future than the clock skew was not issued yet, and is refused (401) like an
 * expired one. Without it, a signer with a wrong clock, or a token minted ahead of time, would stretch the lifetime
 * limit past now.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class IssuedAtCheck extends DefaultJWTCallerPrincipalFactory {

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        JWTCallerPrincipal principal = super.parse(token, authContextInfo);
        long latest = Instant.now().getEpochSecond() + authContextInfo.getClockSkew();
        if (principal.getIssuedAtTime() > latest) {
            throw new ParseException("The token's iat (" + principal.getIssuedAtTime() + ") is in the future");
        }
        return principal;
    }
}
