package fr.alize.needs.need;

import fr.alize.platform.axon.AxonModule;
import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.config.Configurer;

@ApplicationScoped
public class NeedsAxonModule implements AxonModule {

    @Override
    public void configure(Configurer configurer) {
        configurer.configureAggregate(Need.class);
    }
}
