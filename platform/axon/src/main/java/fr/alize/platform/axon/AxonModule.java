package fr.alize.platform.axon;

import org.axonframework.config.Configurer;

/**
 * A service's contribution to the Axon configuration: its aggregates, command handlers and event processors.
 * Implement it as an {@code @ApplicationScoped} bean; {@link AxonRuntime} applies every one before it starts Axon.
 */
public interface AxonModule {

    void configure(Configurer configurer);
}
