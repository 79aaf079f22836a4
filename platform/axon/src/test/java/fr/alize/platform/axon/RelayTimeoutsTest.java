package fr.alize.platform.axon;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The relay's send timeout must end every batch while its instance still holds the claim. */
class RelayTimeoutsTest {

    @Test
    void aSendTimeoutShorterThanTheClaimIsAccepted() {
        assertThatCode(() -> AxonRuntime.requireSendWithinClaim(Duration.ofSeconds(3), Duration.ofSeconds(5)))
                .doesNotThrowAnyException();
    }

    @Test
    void aSendTimeoutAsLongAsTheClaimIsRefusedNamingBothSettings() {
        assertThatThrownBy(() -> AxonRuntime.requireSendWithinClaim(Duration.ofSeconds(5), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alize.events.send-timeout (PT5S)")
                .hasMessageContaining("alize.events.claim-timeout (PT5S)");
    }
}
