package fr.alize.platform.web;

import fr.alize.platform.startup.ServiceStart;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Until the service has reached its database and finished starting, every API call answers 503 with {@code Retry-After}
 * (before any validation or security check), so that a caller knows to retry and nothing is half-done.
 * Health, metrics and OpenAPI under {@code /q} are not REST resources and stay reachable.
 */
public class StartupGate {

    @Inject
    ServiceStart start;

    @ServerRequestFilter(preMatching = true)
    public Response refuseWhileStarting(ContainerRequestContext request) {
        if (start.isStarted()) {
            return null;
        }
        return ProblemMappers.toResponse(start.notStarted());
    }
}
