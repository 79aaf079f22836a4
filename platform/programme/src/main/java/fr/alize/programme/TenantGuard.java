package fr.alize.programme;

import fr.alize.domain.NotPermitted;
import fr.alize.platform.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.Locale;
import java.util.Optional;

/**
 * The one tenant rule of the programme, applied by every service: the CCI acts on every tenant; an {@code sme},
 * {@code partner-hr} or {@code volunteer} caller only on the tenant its token names ({@link Tenant}). A refusal is
 * {@link NotPermitted} (403), thrown before anything is looked up, so that it answers the same whether or not the
 * other tenant's resource exists. Ids are UUIDs, compared without regard to case.
 */
@RequestScoped
public class TenantGuard {

    @Inject
    Caller caller;

    /** The CCI: it acts on every tenant. */
    public boolean actsOnAll() {
        return caller.is(Roles.CCI);
    }

    /** Whether the caller holds the role of this kind of tenant (an {@code sme} caller for {@link Tenant#SME}...). */
    public boolean isA(Tenant kind) {
        return caller.is(kind.role());
    }

    /** The tenant of this kind the caller's token names (lower case), when the caller holds the kind's role. */
    public Optional<String> own(Tenant kind) {
        return isA(kind) ? caller.claim(kind.claim()).map(id -> id.toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** {@link #own}, or {@link NotPermitted} for a caller whose token names no tenant of this kind. */
    public String ownOrRefuse(Tenant kind) {
        return own(kind).orElseThrow(NotPermitted::new);
    }

    /** Whether this tenant is the one the caller's token names (the CCI's included: it is bound to none). */
    public boolean owns(Tenant kind, String id) {
        return id != null && own(kind).filter(id::equalsIgnoreCase).isPresent();
    }

    /** Whether the caller may act on this tenant: the CCI on all, anyone else on its own only. */
    public boolean allows(Tenant kind, String id) {
        return actsOnAll() || owns(kind, id);
    }

    /** {@link #allows}, or {@link NotPermitted}. */
    public void require(Tenant kind, String id) {
        if (!allows(kind, id)) {
            throw new NotPermitted();
        }
    }

    /**
     * The tenant the caller acts for: empty for the CCI (it acts for all), the one its token names for anyone
     * else, {@link NotPermitted} when the token names none.
     */
    public Optional<String> actingFor(Tenant kind) {
        return actsOnAll() ? Optional.empty() : Optional.of(ownOrRefuse(kind));
    }
}
