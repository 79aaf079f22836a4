package fr.alize.platform.relay;

import fr.alize.platform.axon.AxonRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the outbox relay, told apart from the start ({@code axon} check): {@code starting} while Axon is not
 * started yet; DOWN {@code stalled} when the oldest event not acknowledged by the broker has waited longer than
 * {@code alize.events.stall-after} (60 s); UP otherwise, with the lag ({@link RelayLag}) as data.
 */
@Readiness
@ApplicationScoped
public class RelayReadiness implements HealthCheck {

    @Inject
    AxonRuntime axon;
    @Inject
    RelayLag lag;
    @Inject
    RelayConfig config;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("relay");
        if (!axon.isStarted()) {
            return response.down().withData("state", "starting").build();
        }
        RelayLag.Snapshot now;
        try {
            now = lag.read();
        } catch (RuntimeException e) {
            return response.down().withData("state", "unknown").withData("reason", String.valueOf(e.getMessage())).build();
        }
        long seconds = now.oldestAge().toSeconds();
        response.withData("unsent", now.unsent()).withData("oldestUnsentSeconds", seconds);
        if (now.oldestAge().compareTo(config.stallAfter()) > 0) {
            return response.down().withData("state", "stalled")
                    .withData("reason", "relay stalled for more than " + config.stallAfter().toSeconds() + " s: "
                            + now.unsent() + " event(s) not acknowledged by the broker, the oldest stored " + seconds + " s ago")
                    .build();
        }
        return response.up().withData("state", "relaying").build();
    }
}
