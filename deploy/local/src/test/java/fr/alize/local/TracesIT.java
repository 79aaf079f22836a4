package fr.alize.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tracing switched on by configuration only, as an operator would: the launched suite exports to an OTLP endpoint
 * (a stand-in collector, {@link OtlpReceiver}), and one {@code POST /needs} of the demo is one trace across
 * needs-service (the request, the relay's send) and the services that consume {@code alize.needs}, impact-service's
 * projection write included.
 */
class TracesIT extends LaunchedSuite {

    @Test
    void onePostedNeedIsOneTraceFromTheRequestToImpactServicesProjection() throws Exception {
        try (OtlpReceiver collector = OtlpReceiver.start()) {
            choosePorts(1);
            Path data = tmp.resolve("data");
            Path log = tmp.resolve("launcher.log");
            Process launcher = launch(data, log, Map.of(
                    "QUARKUS_OTEL_SDK_DISABLED", "false",
                    "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint(),
                    "QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"), "--demo");
            awaitReady(launcher, log);
            awaitDemo(launcher, log);

            List<OtlpReceiver.ExportedSpan> trace = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> postedNeedTrace(collector.spans()), Optional::isPresent).get();
            System.out.println("TRACE of one POST /needs of the demo:\n" + trace.stream()
                    .map(s -> "  " + s.service() + ": " + s.name() + " (" + s.kindName() + ")").collect(Collectors.joining("\n")));

            OtlpReceiver.ExportedSpan request = only(trace, "needs-service", "POST /needs");
            OtlpReceiver.ExportedSpan publish = only(trace, "needs-service", "alize.needs publish");
            assertEquals(request.spanId(), publish.parentSpanId(), "the relay's send is a child of the request");
            // the projection write (and a rebuild's, which reads the record again) is a child of the send
            assertTrue(trace.stream().filter(s -> s.service().equals("impact-service") && s.name().equals("impact-event-log apply"))
                    .allMatch(s -> s.parentSpanId().equals(publish.spanId())), "impact-service's writes are children of the send: " + trace);
            assertTrue(trace.stream().anyMatch(s -> s.service().equals("impact-service") && s.name().equals("alize.needs receive")),
                    "SmallRye's receive span in impact-service: " + trace);
        }
    }

    /** The spans of the first trace that holds a POST /needs, its relay's send and impact-service's write of it. */
    private static Optional<List<OtlpReceiver.ExportedSpan>> postedNeedTrace(List<OtlpReceiver.ExportedSpan> spans) {
        Map<String, List<OtlpReceiver.ExportedSpan>> traces = spans.stream()
                .collect(Collectors.groupingBy(OtlpReceiver.ExportedSpan::traceId));
        return traces.values().stream()
                .filter(t -> has(t, "needs-service", "POST /needs") && has(t, "needs-service", "alize.needs publish")
                        && has(t, "impact-service", "impact-event-log apply") && has(t, "impact-service", "alize.needs receive"))
                .findFirst()
                .map(t -> t.stream().sorted(Comparator.comparing(OtlpReceiver.ExportedSpan::service)).toList());
    }

    private static boolean has(List<OtlpReceiver.ExportedSpan> trace, String service, String name) {
        return trace.stream().anyMatch(s -> s.service().equals(service) && s.name().equals(name));
    }

    private static OtlpReceiver.ExportedSpan only(List<OtlpReceiver.ExportedSpan> trace, String service, String name) {
        List<OtlpReceiver.ExportedSpan> matching = trace.stream().filter(s -> s.service().equals(service) && s.name().equals(name)).toList();
        assertEquals(1, matching.size(), service + " " + name + " in " + trace);
        return matching.get(0);
    }
}
