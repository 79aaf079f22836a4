package fr.alize.matching.mission;

import fr.alize.platform.axon.AxonModule;
import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.config.Configurer;

@ApplicationScoped
public class MissionsAxonModule implements AxonModule {

    @Override
    public void configure(Configurer configurer) {
        configurer.configureAggregate(Mission.class);
    }
}
