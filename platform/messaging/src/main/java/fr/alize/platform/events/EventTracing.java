package fr.alize.platform.events;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * The W3C trace context ({@code traceparent}, {@code tracestate}) across the hops that no library instruments for us:
 * from the request into the command's metadata (and from there, by Axon's correlation data, into every event it
 * applies, stored with it), from a stored event into the Kafka record the relay sends, and from a consumed record
 * into the span of its projection write. With the OpenTelemetry SDK disabled (the default, see
 * docs/architecture.md) every method is a no-op.
 */
public final class EventTracing {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    /** Metadata keys copied from a command to its events. */
    public static final List<String> METADATA_KEYS = List.of(TRACEPARENT, TRACESTATE);

    private static final TextMapGetter<Map<String, ?>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, ?> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, ?> carrier, String key) {
            Object value = carrier == null ? null : carrier.get(key);
            return value == null ? null : value.toString();
        }
    };

    private static final TextMapGetter<Headers> FROM_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            return StreamSupport.stream(carrier.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers carrier, String key) {
            Header header = carrier == null ? null : carrier.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    public EventTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("fr.alize.platform");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /** The current context as metadata entries (empty when no span is recording). */
    public Map<String, Object> currentAsMetaData() {
        Map<String, Object> entries = new HashMap<>();
        propagator.inject(Context.current(), entries, (carrier, key, value) -> carrier.put(key, value));
        return entries;
    }

    /** The context an event was stored with (the root context when it has none). */
    public Context from(Map<String, ?> metaData) {
        return propagator.extract(Context.root(), metaData, FROM_MAP);
    }

    /** The context a consumed record carries in its headers. */
    public Context from(Headers headers) {
        return propagator.extract(Context.root(), headers, FROM_HEADERS);
    }

    /** Writes the context into a record's headers. */
    public void inject(Context context, Headers headers) {
        propagator.inject(context, headers, (carrier, key, value) -> {
            carrier.remove(key);
            carrier.add(key, value.getBytes(StandardCharsets.UTF_8));
        });
    }

    /** A span of the relay's send of one event to its topic, child of the context the event was stored with. */
    public Span publishing(EventTopic event) {
        return tracer.spanBuilder(event.topic() + " publish").setParent(event.parent()).setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", event.topic())
                .setAttribute("messaging.message.id", event.eventId())
                .startSpan();
    }

    /** A span of a consumer's projection write of one record, child of the context the record carries. */
    public Span applying(String consumer, String topic, String eventId, Context parent) {
        return tracer.spanBuilder(consumer + " apply").setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.consumer.group.name", consumer)
                .setAttribute("messaging.message.id", String.valueOf(eventId))
                .startSpan();
    }

    /** Ends a span, marked failed when there is a failure. */
    public static void end(Span span, Throwable failure) {
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }

    /** What the publishing span names. */
    public record EventTopic(String topic, String eventId, Context parent) {
    }
}
