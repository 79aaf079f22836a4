package fr.alize.needs.infrastructure;

import fr.alize.platform.axon.AxonRuntime;
import fr.alize.platform.events.Actors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.axonframework.commandhandling.GenericCommandMessage;

import java.util.Map;

/**
 * Commands the service sends on its own (expiry job, mission events): their events say so
 * ({@code ce_actorrole=system}, {@code ce_actorid=needs-service}) rather than naming whoever happened to be calling.
 */
@ApplicationScoped
public class SystemCommands {

    public static final String ROLE = "system";

    @Inject
    AxonRuntime axon;

    public <R> R send(Object command) {
        return axon.commandGateway().sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(Actors.ROLE, ROLE, Actors.ID, "needs-service")));
    }
}
