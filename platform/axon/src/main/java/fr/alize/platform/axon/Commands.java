package fr.alize.platform.axon;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Sends a command and waits for its outcome, on the caller's (worker) thread. Failures of the handler surface as
 * the exception it threw, which the problem mappers turn into an answer.
 */
@ApplicationScoped
public class Commands {

    @Inject
    AxonRuntime axon;

    public <R> R send(Object command) {
        return axon.commandGateway().sendAndWait(command);
    }
}
