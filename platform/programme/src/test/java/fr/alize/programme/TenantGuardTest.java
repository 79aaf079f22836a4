package fr.alize.programme;

import fr.alize.domain.NotPermitted;
import fr.alize.platform.security.Caller;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantGuardTest {

    private static final String SME_A = "0b8d6a52-6f0e-4d43-9d0b-0e6a1c0c9a01";
    private static final String SME_B = "0b8d6a52-6f0e-4d43-9d0b-0e6a1c0c9a02";

    @Test
    void theCciActsOnEveryTenantAndForNoneInParticular() {
        TenantGuard guard = guard(Set.of(Roles.CCI), Map.of());
        assertThat(guard.allows(Tenant.SME, SME_A)).isTrue();
        assertThat(guard.allows(Tenant.PARTNER, SME_B)).isTrue();
        assertThat(guard.actingFor(Tenant.SME)).isEmpty();
        assertThat(guard.owns(Tenant.SME, SME_A)).isFalse();
    }

    @Test
    void aTenantCallerActsOnTheTenantItsTokenNamesOnly() {
        TenantGuard guard = guard(Set.of(Roles.SME), Map.of(Roles.SME_CLAIM, SME_A.toUpperCase()));
        assertThat(guard.allows(Tenant.SME, SME_A)).as("ids compared without case").isTrue();
        assertThat(guard.actingFor(Tenant.SME)).contains(SME_A);
        assertThat(guard.allows(Tenant.SME, SME_B)).isFalse();
        assertThatThrownBy(() -> guard.require(Tenant.SME, SME_B)).isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> guard.require(Tenant.SME, null)).isInstanceOf(NotPermitted.class);
    }

    @Test
    void aClaimCountsOnlyWithItsRoleAndARoleOnlyWithItsClaim() {
        TenantGuard volunteerNamingAnSme = guard(Set.of(Roles.VOLUNTEER), Map.of(Roles.SME_CLAIM, SME_A));
        assertThat(volunteerNamingAnSme.allows(Tenant.SME, SME_A)).isFalse();
        TenantGuard smeWithoutClaim = guard(Set.of(Roles.SME), Map.of());
        assertThatThrownBy(() -> smeWithoutClaim.actingFor(Tenant.SME)).isInstanceOf(NotPermitted.class);
        assertThat(smeWithoutClaim.allows(Tenant.SME, SME_A)).isFalse();
    }

    private static TenantGuard guard(Set<String> roles, Map<String, String> claims) {
        TenantGuard guard = new TenantGuard();
        guard.caller = new Caller() {
            @Override
            public boolean is(String role) {
                return roles.contains(role);
            }

            @Override
            public Optional<String> claim(String name) {
                return Optional.ofNullable(claims.get(name));
            }
        };
        return guard;
    }
}
