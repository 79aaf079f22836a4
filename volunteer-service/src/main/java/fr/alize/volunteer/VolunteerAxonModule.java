package fr.alize.volunteer;

import fr.alize.platform.axon.AxonModule;
import fr.alize.volunteer.partner.Partner;
import fr.alize.volunteer.partner.PartnerProjection;
import fr.alize.volunteer.skills.TaxonomyVersion;
import fr.alize.volunteer.volunteer.Volunteer;
import fr.alize.volunteer.volunteer.VolunteerProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;

/**
 * The aggregates of volunteer-service, and its read models: subscribing projections, so that a view row is written
 * in the same transaction as the event it follows (a failing projection fails the command).
 */
@ApplicationScoped
public class VolunteerAxonModule implements AxonModule {

    public static final String VIEWS = "volunteer-service-views";

    @Inject
    PartnerProjection partners;
    @Inject
    VolunteerProjection volunteers;

    @Override
    public void configure(Configurer configurer) {
        configurer.configureAggregate(Partner.class)
                .configureAggregate(Volunteer.class)
                .configureAggregate(TaxonomyVersion.class);
        configurer.eventProcessing(processing -> processing
                .registerEventHandler(c -> partners)
                .registerEventHandler(c -> volunteers)
                .registerSubscribingEventProcessor(VIEWS)
                .assignHandlerInstancesMatching(VIEWS, handler -> handler == partners || handler == volunteers)
                .registerListenerInvocationErrorHandler(VIEWS, c -> PropagatingErrorHandler.instance()));
    }
}
