package fr.alize.needs.infrastructure;

import fr.alize.needs.need.Need;
import fr.alize.needs.need.NeedProjection;
import fr.alize.needs.skills.LatestSkillTaxonomy;
import fr.alize.needs.sme.Sme;
import fr.alize.needs.sme.SmeProjection;
import fr.alize.platform.axon.AxonModule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;

import java.time.Clock;

/**
 * The aggregates of needs-service and its read model. The read model is fed by a subscribing processor: it is
 * written in the transaction that appends the events, and a failure there fails the command, so the tables never
 * lag behind or disagree with the event store.
 */
@ApplicationScoped
public class NeedsAxonModule implements AxonModule {

    public static final String READ_MODEL = "needs-read-model";

    @Inject
    Clock clock;
    @Inject
    LatestSkillTaxonomy taxonomy;
    @Inject
    SmeProjection smes;
    @Inject
    NeedProjection needs;

    @Override
    public void configure(Configurer configurer) {
        configurer.registerComponent(Clock.class, c -> clock);
        configurer.registerComponent(LatestSkillTaxonomy.class, c -> taxonomy);
        configurer.configureAggregate(Sme.class);
        configurer.configureAggregate(Need.class);
        configurer.eventProcessing(processing -> processing
                .registerEventHandler(c -> smes)
                .registerEventHandler(c -> needs)
                .assignHandlerInstancesMatching(READ_MODEL, handler -> handler == smes || handler == needs)
                .registerSubscribingEventProcessor(READ_MODEL)
                .registerListenerInvocationErrorHandler(READ_MODEL, c -> PropagatingErrorHandler.instance()));
    }
}
