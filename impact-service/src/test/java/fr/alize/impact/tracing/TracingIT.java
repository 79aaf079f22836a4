package fr.alize.impact.tracing;

import fr.alize.impact.TestEvents;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static fr.alize.impact.TestEvents.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A record that comes with a {@code traceparent} (as needs-service's relay writes it, see needs-service's TracingIT)
 * is applied in that trace: impact-service's event log writes it in a span whose parent is the relay's span.
 */
@QuarkusTest
class TracingIT {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aRecordIsAppliedInTheTraceItCarries() {
        String traceId = hex(16);
        String relaySpanId = hex(8);
        String eventId = id();
        TestEvents.event("NeedPublished").id(eventId).with("needId", id()).with("smeId", id()).by("sme", "florist-manager")
                .header("traceparent", "00-" + traceId + "-" + relaySpanId + "-01").send();

        List<SpanData> trace = await().atMost(Duration.ofSeconds(30)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getTraceId().equals(traceId)).toList(), found -> found.stream().anyMatch(s -> s.getName().equals("impact-event-log apply")));
        System.out.println("TRACE in impact-service: " + trace.stream().map(s -> s.getName() + " (" + s.getKind() + ")").toList());

        SpanData applied = trace.stream().filter(s -> s.getName().equals("impact-event-log apply")).findFirst().orElseThrow();
        assertThat(applied.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(applied.getParentSpanId()).as("a child of the relay's span").isEqualTo(relaySpanId);
        assertThat(applied.getAttributes().get(AttributeKey.stringKey("messaging.message.id"))).isEqualTo(eventId);
        assertThat(applied.getAttributes().get(AttributeKey.stringKey("messaging.destination.name"))).isEqualTo("alize.needs");
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zeros (an invalid id)
        return HexFormat.of().formatHex(random);
    }
}
