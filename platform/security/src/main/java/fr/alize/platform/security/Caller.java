package fr.alize.platform.security;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Objects;
import java.util.Optional;

/**
 * Who is calling: roles from the token's {@code groups} claim and the tenant the token is bound to. Tenant checks
 * answer 403 whether or not the other tenant's resource exists, so a caller learns nothing about it.
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    /** The token's subject: a pseudonymous id, never a name. */
    public String id() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** The most privileged role held, used to say who did something. */
    public String mainRole() {
        for (String role : new String[]{Roles.CCI, Roles.PARTNER_HR, Roles.SME, Roles.VOLUNTEER, Roles.ANALYST}) {
            if (is(role)) {
                return role;
            }
        }
        return "none";
    }

    public Optional<String> smeId() {
        return claim(Roles.SME_CLAIM);
    }

    public Optional<String> partnerId() {
        return claim(Roles.PARTNER_CLAIM);
    }

    public Optional<String> volunteerId() {
        return claim(Roles.VOLUNTEER_CLAIM);
    }

    /** The CCI acts on every SME; an {@code sme} caller only on the one its token names. */
    public void requireSme(String smeId) {
        if (is(Roles.CCI)) {
            return;
        }
        if (is(Roles.SME) && smeId().filter(own -> Objects.equals(own, smeId)).isPresent()) {
            return;
        }
        throw new ForbiddenException();
    }

    /** The CCI acts on every partner company; a {@code partner-hr} caller only on its own. */
    public void requirePartner(String partnerId) {
        if (is(Roles.CCI)) {
            return;
        }
        if (is(Roles.PARTNER_HR) && partnerId().filter(own -> Objects.equals(own, partnerId)).isPresent()) {
            return;
        }
        throw new ForbiddenException();
    }

    private Optional<String> claim(String name) {
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
