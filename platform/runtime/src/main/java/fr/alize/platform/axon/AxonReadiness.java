package fr.alize.platform.axon;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the schema is migrated and Axon runs. */
@Readiness
@ApplicationScoped
public class AxonReadiness implements HealthCheck {

    @Inject
    AxonRuntime axon;

    @Override
    public HealthCheckResponse call() {
        return axon.isStarted()
                ? HealthCheckResponse.up("axon")
                : HealthCheckResponse.named("axon").down().withData("reason", String.valueOf(axon.startupProblem())).build();
    }
}
