package fr.alize.platform.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.alize.platform.AlizeConfig;
import fr.alize.platform.events.Actors;
import fr.alize.platform.events.EventTracing;
import fr.alize.platform.relay.KafkaEventPublisher;
import fr.alize.platform.relay.RelayConfig;
import fr.alize.platform.security.Caller;
import fr.alize.platform.startup.ServiceStart;
import fr.alize.platform.startup.StartStep;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Axon Framework inside Quarkus, wired once for every service: Jackson serialization, a JDBC event store and token
 * store on the Agroal datasource inside JTA transactions, the Kafka outbox relay, and each service's
 * {@link AxonModule}s.
 * <p>
 * Axon starts as a {@link StartStep} of {@link ServiceStart}: once the database is reached and migrated, retried in the
 * background until it is; until then commands answer 503.
 */
@ApplicationScoped
public class AxonRuntime implements StartStep {

    private static final Logger LOG = Logger.getLogger(AxonRuntime.class);

    @Inject
    AlizeConfig config;
    @Inject
    RelayConfig relay;
    @Inject
    ServiceStart serviceStart;
    @Inject
    ObjectMapper objectMapper;
    /** The service's published events (its {@code infrastructure.PublishedEvents}). */
    @Inject
    EventCatalog catalog;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    jakarta.transaction.TransactionManager jta;
    @Inject
    @Any
    Instance<AxonModule> modules;
    @Inject
    MeterRegistry meters;
    @Inject
    OpenTelemetry openTelemetry;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private volatile Configuration configuration;
    private volatile boolean started;
    private KafkaEventPublisher publisher;

    /** Built (and its settings checked) at start, before {@link ServiceStart} migrates the schema and starts it. */
    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) StartupEvent event) {
        configuration = buildConfiguration();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (started) {
            configuration.shutdown();
        }
        if (publisher != null) {
            publisher.closeProducer();
        }
    }

    @Override
    public synchronized void start() {
        if (!started) {
            configuration.start();
            started = true;
            LOG.infof("Axon started, publishing to topic %s", relay.topic());
        }
    }

    public boolean isStarted() {
        return started;
    }

    public CommandGateway commandGateway() {
        requireStarted();
        return configuration.commandGateway();
    }

    public EventStore eventStore() {
        requireStarted();
        return configuration.eventStore();
    }

    public Configuration configuration() {
        requireStarted();
        return configuration;
    }

    private void requireStarted() {
        if (!started) {
            throw serviceStart.notStarted();
        }
    }

    private Configuration buildConfiguration() {
        RelayConfig events = relay;
        requireSendWithinClaim(events.sendTimeout(), events.claimTimeout());
        // events are stored and read by their published name (the catalog); everything else by class
        Serializer serializer = CatalogSerializer.general(objectMapper.copy(), catalog);
        Serializer eventSerializer = CatalogSerializer.forEvents(objectMapper.copy(), catalog);
        TransactionManager transactions = new JtaAxonTransactionManager(jta);
        ConnectionProvider connections = dataSource::getConnection;
        EventTracing tracing = new EventTracing(openTelemetry);
        publisher = new KafkaEventPublisher(config.serviceName(), relay, bootstrapServers, eventSerializer, meters, tracing,
                catalog);

        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureEventSerializer(c -> eventSerializer)
                .configureTransactionManager(c -> transactions)
                .configureCorrelationDataProviders(c -> List.of(
                        new MessageOriginProvider(), new SimpleCorrelationDataProvider(Actors.ROLE, Actors.ID),
                        // the trace context of the command goes with every event it applies, stored in its metadata
                        new SimpleCorrelationDataProvider(EventTracing.METADATA_KEYS.toArray(String[]::new))))
                .configureEmbeddedEventStore(c -> JdbcEventStorageEngine.builder()
                        .connectionProvider(connections)
                        .transactionManager(transactions)
                        .eventSerializer(eventSerializer)
                        .snapshotSerializer(serializer)
                        .upcasterChain(new LegacyEventNames(catalog))
                        .schema(eventSchema())
                        .dataType(byte[].class)
                        .persistenceExceptionResolver(new PostgresDuplicateKeyResolver())
                        .build());
        configurer.eventProcessing(processing -> processing
                .registerTokenStore(c -> JdbcTokenStore.builder()
                        .connectionProvider(connections)
                        .serializer(serializer)
                        .schema(tokenSchema())
                        .contentType(byte[].class)
                        .claimTimeout(events.claimTimeout())
                        .build())
                .registerEventHandler(c -> publisher)
                .assignHandlerTypesMatching(KafkaEventPublisher.PROCESSING_GROUP, KafkaEventPublisher.class::equals)
                .registerTrackingEventProcessor(KafkaEventPublisher.PROCESSING_GROUP, Configuration::eventStore,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(events.batchSize())
                                .andTokenClaimInterval(events.claimInterval().toMillis(), TimeUnit.MILLISECONDS))
                // a failed send must fail the batch, so that the token does not move past unsent events
                .registerListenerInvocationErrorHandler(KafkaEventPublisher.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance()));
        // Axon's own meters: messages ingested, processed, failed, latency and capacity per event processor and bus
        new GlobalMetricRegistry(meters).registerWithConfigurerWithDefaultTags(configurer);
        modules.forEach(module -> module.configure(configurer));
        Configuration built = configurer.buildConfiguration();
        built.commandBus().registerDispatchInterceptor(actorInterceptor());
        built.commandBus().registerDispatchInterceptor(traceInterceptor(tracing));
        return built;
    }

    /** A batch still waiting for the broker when its claim lapses would be relayed by two instances at once. */
    static void requireSendWithinClaim(Duration sendTimeout, Duration claimTimeout) {
        if (sendTimeout.compareTo(claimTimeout) >= 0) {
            throw new IllegalArgumentException("alize.events.send-timeout (" + sendTimeout
                    + ") must be shorter than alize.events.claim-timeout (" + claimTimeout + ")");
        }
    }

    /** Puts the caller's role and pseudonymous id in each command's metadata; its events inherit them. */
    private static MessageDispatchInterceptor<CommandMessage<?>> actorInterceptor() {
        return messages -> (index, command) -> {
            if (!Arc.container().requestContext().isActive()) {
                return command;
            }
            Caller caller = Arc.container().instance(Caller.class).get();
            if (command.getMetaData().containsKey(Actors.ROLE) || caller == null) {
                return command;
            }
            Map<String, Object> actor = new HashMap<>();
            actor.put(Actors.ROLE, caller.mainRole());
            actor.put(Actors.ID, caller.id());
            return command.andMetaData(actor);
        };
    }

    /** Puts the dispatching thread's trace context (the request's span, a consumer's span) in each command's metadata. */
    private static MessageDispatchInterceptor<CommandMessage<?>> traceInterceptor(EventTracing tracing) {
        return messages -> (index, command) -> {
            if (command.getMetaData().containsKey(EventTracing.TRACEPARENT)) {
                return command;
            }
            Map<String, Object> context = tracing.currentAsMetaData();
            return context.isEmpty() ? command : command.andMetaData(context);
        };
    }

    static EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    static TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }
}
