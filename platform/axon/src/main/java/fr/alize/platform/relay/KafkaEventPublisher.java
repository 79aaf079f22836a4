package fr.alize.platform.relay;

import fr.alize.contracts.EventType;
import fr.alize.platform.axon.EventCatalog;
import fr.alize.platform.events.Actors;
import fr.alize.platform.events.CloudEventHeaders;
import fr.alize.platform.events.EventTracing;
import fr.alize.platform.events.LogContext;
import fr.alize.platform.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Our outbox relay. It runs in a tracking event processor over the service's own event store and sends every event
 * to the service's Kafka topic. The sends of one batch are awaited (acks=all) before the batch's unit of work
 * commits, and the processor's token is stored in that same transaction: if the broker does not acknowledge, the
 * batch fails, the token stays where it was, and the processor retries later. Events are therefore never lost;
 * after a failure some may be sent twice, which consumers absorb by deduplicating on the event id.
 */
public final class KafkaEventPublisher implements EventMessageHandler {

    public static final String PROCESSING_GROUP = "alize-event-publisher";

    private static final Logger LOG = Logger.getLogger(KafkaEventPublisher.class);
    private static final String PENDING = KafkaEventPublisher.class.getName() + ".pending";

    private final RelayConfig config;
    private final String source;
    private final String bootstrapServers;
    /** The event store's serializer: the JSON an event was stored as is the JSON it is published as. */
    private final Serializer eventSerializer;
    private final Counter published;
    private final Counter failedBatches;
    private final EventTracing tracing;
    private final EventCatalog catalog;
    private KafkaProducer<String, String> producer;

    public KafkaEventPublisher(String serviceName, RelayConfig config, String bootstrapServers, Serializer eventSerializer,
                               MeterRegistry meters, EventTracing tracing, EventCatalog catalog) {
        this.tracing = tracing;
        this.catalog = catalog;
        this.config = config;
        this.source = "/alize/" + serviceName;
        this.bootstrapServers = bootstrapServers;
        this.eventSerializer = eventSerializer;
        this.published = meters.counter("alize.events.published", "topic", this.config.topic());
        this.failedBatches = meters.counter("alize.events.publish.failures", "topic", this.config.topic());
    }

    @Override
    public Object handle(EventMessage<?> event) throws Exception {
        String aggregateId = event instanceof DomainEventMessage<?> domainEvent ? domainEvent.getAggregateIdentifier() : null;
        // one span per event sent, in the trace of the request that stored it (its metadata's traceparent), and that
        // span's context in the record's headers for the consumers; it ends when the broker answers
        Span span = tracing.publishing(new EventTracing.EventTopic(config.topic(), event.getIdentifier(), tracing.from(event.getMetaData())));
        try (LogContext ids = LogContext.of(event.getIdentifier(), aggregateId); Scope current = span.makeCurrent()) {
            ProducerRecord<String, String> record = toRecord(event);
            tracing.inject(Context.current(), record.headers());
            KafkaProducer<String, String> producer;
            try {
                producer = producer();
            } catch (EventPublicationException e) {
                // no producer yet (the topic could not be checked): this batch failed as surely as an unacknowledged one
                failedBatches.increment();
                throw e;
            }
            Future<RecordMetadata> sent = producer.send(record, (metadata, failure) -> EventTracing.end(span, failure));
            pendingSendsOfThisBatch().add(sent);
            return null;
        } catch (Exception | Error e) {
            if (span.isRecording()) {
                EventTracing.end(span, e);
            }
            throw e;
        }
    }

    /** The sends of the current batch; the first call of a batch registers the wait for all of them before commit. */
    private List<Future<RecordMetadata>> pendingSendsOfThisBatch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(PENDING, key -> {
            List<Future<RecordMetadata>> pending = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> awaitAcknowledgements(pending));
            return pending;
        });
    }

    private void awaitAcknowledgements(List<Future<RecordMetadata>> pending) {
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        try {
            for (Future<RecordMetadata> sent : pending) {
                sent.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            published.increment(pending.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventPublicationException("interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            failedBatches.increment();
            // a producer that failed may be in a bad state (e.g. a fenced idempotent producer): start afresh next time
            closeProducer();
            throw new EventPublicationException("the broker did not acknowledge " + pending.size()
                    + " event(s) on " + config.topic() + "; they will be sent again", e);
        }
    }

    /** The record sent for an event: its key, CloudEvents headers and JSON payload. */
    public ProducerRecord<String, String> toRecord(EventMessage<?> event) {
        String aggregateId = null;
        RecordHeaders headers = new RecordHeaders();
        add(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        add(headers, CloudEventHeaders.ID, event.getIdentifier());
        // the published name and schema version, never the Java class: consumers know events by fr.alize.contracts
        EventType type = catalog.require(event.getPayloadType());
        add(headers, CloudEventHeaders.TYPE, type.name());
        add(headers, CloudEventHeaders.SOURCE, source);
        add(headers, CloudEventHeaders.TIME, event.getTimestamp().toString());
        add(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
        add(headers, CloudEventHeaders.SCHEMA_VERSION, Integer.toString(type.version()));
        if (event instanceof DomainEventMessage<?> domainEvent) {
            aggregateId = domainEvent.getAggregateIdentifier();
            add(headers, CloudEventHeaders.SUBJECT, aggregateId);
            add(headers, CloudEventHeaders.AGGREGATE_TYPE, domainEvent.getType());
            add(headers, CloudEventHeaders.AGGREGATE_VERSION, Long.toString(domainEvent.getSequenceNumber()));
        }
        Object role = event.getMetaData().get(Actors.ROLE);
        Object actor = event.getMetaData().get(Actors.ID);
        if (role != null) {
            add(headers, CloudEventHeaders.ACTOR_ROLE, role.toString());
        }
        if (actor != null) {
            add(headers, CloudEventHeaders.ACTOR_ID, actor.toString());
        }
        // an event read from the store is sent as the JSON it was stored as (after upcasting), never deserialized
        // and written again; one still in memory is serialized by the store's serializer, as it was when stored
        String value = event.serializePayload(eventSerializer, String.class).getData();
        return new ProducerRecord<>(config.topic(), null, aggregateId, value, headers);
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            ensureTopic();
            int timeoutMs = (int) config.sendTimeout().toMillis();
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.CLIENT_ID_CONFIG, source.substring(1).replace('/', '-') + "-publisher",
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.LINGER_MS_CONFIG, 1,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs,
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, timeoutMs / 2),
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs + 1,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        }
        return producer;
    }

    /**
     * Creates the topic when missing: kept forever (it is the log projections rebuild from), N partitions, R replicas,
     * never led by a replica that was out of sync (that would drop acknowledged events).
     */
    private void ensureTopic() {
        NewTopic topic = Topics.eventLog(config.topic(), config.partitions(), config.replicationFactor(),
                config.minInsyncReplicas());
        try {
            if (Topics.createIfMissing(bootstrapServers, topic, config.sendTimeout())) {
                LOG.infof("Created topic %s (%d partitions, %d replicas, settings %s)", config.topic(), config.partitions(),
                        config.replicationFactor(), topic.configs());
            }
        } catch (ExecutionException e) {
            throw new EventPublicationException("could not create topic " + config.topic(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventPublicationException("interrupted while creating topic " + config.topic(), e);
        } catch (TimeoutException e) {
            throw new EventPublicationException("the broker did not answer in time while creating " + config.topic(), e);
        }
    }

    public synchronized void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debug("Closing the Kafka producer failed", e);
            }
            producer = null;
        }
    }

    @Override
    public boolean supportsReset() {
        return false;
    }

    /** The broker could not take an event now; the batch will be retried. */
    public static final class EventPublicationException extends RuntimeException {
        EventPublicationException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
