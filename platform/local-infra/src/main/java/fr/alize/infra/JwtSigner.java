package fr.alize.infra;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.security.PrivateKey;
import java.util.Map;

/**
 * Signs JSON Web Tokens with RS256 through SmallRye JWT's builder, the JWT library of the Quarkus platform (the local
 * launcher and the tests mint tokens that the services verify with the matching public key).
 *
 * <p>The token holds exactly the claims given: strings, numbers, booleans, collections or maps of those. The builder's
 * default {@code iat}, {@code exp} and {@code jti} are switched off ({@code smallrye.jwt.new-token.add-default-claims}
 * in this jar's {@code META-INF/microprofile-config.properties}), so that a test may leave one out on purpose.
 */
public final class JwtSigner {

    private JwtSigner() {
    }

    public static String sign(Map<String, ?> claims, PrivateKey key) {
        JwtClaimsBuilder builder = Jwt.claims();
        claims.forEach(builder::claim);
        return builder.jws().algorithm(SignatureAlgorithm.RS256).sign(key);
    }
}
