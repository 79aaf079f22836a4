package fr.alize.platform.startup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the schema is migrated and every start step ran; DOWN with the reason before. */
@Readiness
@ApplicationScoped
public class StartReadiness implements HealthCheck {

    @Inject
    ServiceStart start;

    @Override
    public HealthCheckResponse call() {
        return start.isStarted()
                ? HealthCheckResponse.up("startup")
                : HealthCheckResponse.named("startup").down().withData("reason", String.valueOf(start.startupProblem())).build();
    }
}
