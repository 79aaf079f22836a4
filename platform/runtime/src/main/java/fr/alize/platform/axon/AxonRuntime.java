package fr.alize.platform.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.alize.platform.AlizeConfig;
import fr.alize.platform.errors.ServiceUnavailableException;
import fr.alize.platform.events.Actors;
import fr.alize.platform.events.EventTracing;
import fr.alize.platform.events.KafkaEventPublisher;
import fr.alize.platform.security.Caller;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
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
import org.axonframework.serialization.json.JacksonSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
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
 * At start-up the schema is migrated with Flyway and Axon is started. When the database does not answer yet, the
 * service still starts (health says not ready, commands answer 503) and keeps trying in the background with a
 * growing pause, so the order in which a platform brings up its parts does not matter.
 */
@ApplicationScoped
public class AxonRuntime {

    private static final Logger LOG = Logger.getLogger(AxonRuntime.class);

    @Inject
    AlizeConfig config;
    @Inject
    ObjectMapper objectMapper;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    jakarta.transaction.TransactionManager jta;
    @Inject
    Flyway flyway;
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
    private volatile boolean stopping;
    private volatile String lastFailure = "starting";
    private KafkaEventPublisher publisher;
    private Thread starter;

    void onStart(@Observes StartupEvent event) {
        configuration = buildConfiguration();
        // first attempt in line, so that a healthy start is complete when the application says it has started
        if (!tryStart()) {
            starter = new Thread(this::retryStart, "alize-axon-starter");
            starter.setDaemon(true);
            starter.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        if (starter != null) {
            starter.interrupt();
        }
        if (started) {
            configuration.shutdown();
        }
        if (publisher != null) {
            publisher.closeProducer();
        }
    }

    private void retryStart() {
        Duration pause = config.startup().initialBackoff();
        while (!stopping && !started) {
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            pause = pause.multipliedBy(2).compareTo(config.startup().maxBackoff()) > 0
                    ? config.startup().maxBackoff() : pause.multipliedBy(2);
            tryStart();
        }
    }

    private synchronized boolean tryStart() {
        if (started || stopping) {
            return started;
        }
        try {
            flyway.migrate();
            configuration.start();
            started = true;
            LOG.infof("Axon started for %s, publishing to topic %s", config.serviceName(), config.events().topic());
        } catch (RuntimeException e) {
            lastFailure = rootMessage(e);
            LOG.warnf("Cannot start yet (%s); retrying in the background", lastFailure);
        }
        return started;
    }

    public boolean isStarted() {
        return started;
    }

    /** Why Axon is not started yet, for the readiness check. */
    public String startupProblem() {
        return started ? null : lastFailure;
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
            throw notStarted();
        }
    }

    /** What a caller is told while the service has not reached its database yet. */
    public ServiceUnavailableException notStarted() {
        return new ServiceUnavailableException("The service is starting (" + lastFailure + "); try again shortly.");
    }

    private Configuration buildConfiguration() {
        AlizeConfig.Events events = config.events();
        requireSendWithinClaim(events.sendTimeout(), events.claimTimeout());
        JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(objectMapper.copy())
                .lenientDeserialization()
                .build();
        TransactionManager transactions = new JtaAxonTransactionManager(jta);
        ConnectionProvider connections = dataSource::getConnection;
        EventTracing tracing = new EventTracing(openTelemetry);
        publisher = new KafkaEventPublisher(config, bootstrapServers, objectMapper, meters, tracing);

        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureTransactionManager(c -> transactions)
                .configureCorrelationDataProviders(c -> List.of(
                        new MessageOriginProvider(), new SimpleCorrelationDataProvider(Actors.ROLE, Actors.ID),
                        // the trace context of the command goes with every event it applies, stored in its metadata
                        new SimpleCorrelationDataProvider(EventTracing.METADATA_KEYS.toArray(String[]::new))))
                .configureEmbeddedEventStore(c -> JdbcEventStorageEngine.builder()
                        .connectionProvider(connections)
                        .transactionManager(transactions)
                        .eventSerializer(serializer)
                        .snapshotSerializer(serializer)
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

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
