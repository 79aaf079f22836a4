package fr.alize.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.Optional;

/**
 * Who is calling, and nothing about the programme: the token's subject, its roles (the {@code groups} claim) and its
 * other claims. Which roles and claims mean what (tenants, who acts on what) is the programme's vocabulary, kept
 * outside the platform ({@code fr.alize.programme}).
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    @Inject
    SecurityConfig config;

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    /** The token's subject: a pseudonymous id, never a name. */
    public String id() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /**
     * The most privileged role held (by {@code alize.security.role-precedence}), used to say who did something;
     * {@code none} without one.
     */
    public String mainRole() {
        for (String role : config.rolePrecedence().orElse(List.of())) {
            if (is(role)) {
                return role;
            }
        }
        return identity.getRoles().stream().sorted().findFirst().orElse("none");
    }

    /** A claim of the token as text; empty for an anonymous caller or a claim the token does not hold. */
    public Optional<String> claim(String name) {
        if (identity.isAnonymous() || jwt == null || jwt.getRawToken() == null) {
            return Optional.empty();
        }
        Object value = jwt.getClaim(name);
        if (value instanceof JsonString string) {
            return Optional.of(string.getString());
        }
        return Optional.ofNullable(value).map(Object::toString);
    }
}
