package fr.alize.platform.axon;

import fr.alize.platform.errors.ProblemException;
import fr.alize.platform.web.Problem;
import fr.alize.platform.web.ProblemMappers;
import jakarta.ws.rs.core.Response;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Axon's failures of a command as problem+json, beside {@link ProblemMappers}' answers for everything else. */
public class AxonProblemMappers {

    @ServerExceptionMapper
    public Response aggregateNotFound(AggregateNotFoundException e) {
        return Problem.of(404, "Not found", "No such resource.").toResponse();
    }

    @ServerExceptionMapper
    public Response concurrency(ConcurrencyException e) {
        return Problem.of(409, "Conflict", "The resource was changed or created concurrently; read it again and retry.").toResponse();
    }

    @ServerExceptionMapper
    public Response commandExecution(CommandExecutionException e) {
        if (e.getCause() instanceof ProblemException problem) {
            return ProblemMappers.toResponse(problem);
        }
        return ProblemMappers.internalError(e);
    }
}
