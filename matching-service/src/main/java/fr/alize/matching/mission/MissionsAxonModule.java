package fr.alize.matching.mission;

import fr.alize.platform.axon.AxonModule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;

/**
 * The mission aggregate, and the mission list it feeds through a subscribing processor: the list is written in the
 * transaction that appends the events, and a failure there fails the command, so the list never lags behind.
 */
@ApplicationScoped
public class MissionsAxonModule implements AxonModule {

    static final String MISSION_LIST = "mission-list";

    @Inject
    MissionListProjection list;

    @Override
    public void configure(Configurer configurer) {
        configurer.configureAggregate(Mission.class);
        configurer.eventProcessing(processing -> processing
                .registerEventHandler(c -> list)
                .assignHandlerInstancesMatching(MISSION_LIST, handler -> handler == list)
                .registerSubscribingEventProcessor(MISSION_LIST)
                .registerListenerInvocationErrorHandler(MISSION_LIST, c -> PropagatingErrorHandler.instance()));
    }
}
