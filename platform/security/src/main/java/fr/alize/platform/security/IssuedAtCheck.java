package fr.alize.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.time.Duration;
import java.time.Instant;

/**
 * SmallRye JWT's own verification (signature, issuer, audience, {@code exp} with {@code mp.jwt.verify.clock.skew},
 * {@code exp - iat} at most {@code smallrye.jwt.time-to-live}), plus the one check it has no setting for: a token
 * whose {@code iat} lies further in the future than the clock skew was not issued yet, and is refused (401) like an
 * expired one. Without it, a signer with a wrong clock, or a token minted ahead of time, would stretch the lifetime
 * limit past now.
 * <p>
 * A token that passed is remembered (at most 10,000, for 5 minutes), so that a client sending the same token on
 * every call pays for one signature check, not one per request: about a fifth of a request's CPU on the event loop,
 * measured with JFR under the load harness. Only the exact token string that was verified is remembered, and its
 * {@code exp} is checked again on every use, so a remembered token is refused the moment it expires.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class IssuedAtCheck extends DefaultJWTCallerPrincipalFactory {

    private final Cache<String, JWTCallerPrincipal> verified = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(5)).build();
    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        long now = Instant.now().getEpochSecond();
        JWTCallerPrincipal known = verified.getIfPresent(token);
        if (known != null && now - authContextInfo.getClockSkew() < known.getExpirationTime()) {
            return known;
        }
        JWTCallerPrincipal principal = super.parse(token, authContextInfo);
        if (principal.getIssuedAtTime() > now + authContextInfo.getClockSkew()) {
            throw new ParseException("The token's iat (" + principal.getIssuedAtTime() + ") is in the future");
        }
        verified.put(token, principal);
        return principal;
    }
}
