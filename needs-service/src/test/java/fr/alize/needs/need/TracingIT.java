package fr.alize.needs.need;

import fr.alize.needs.NeedsTopic;
import fr.alize.needs.SkillTaxonomyFeed;
import fr.alize.needs.Smes;
import fr.alize.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static fr.alize.platform.events.EventEnvelope.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One {@code POST /needs} is one trace in needs-service: the request's span, the event stored with its trace context
 * in the metadata, the relay's span of the send, and the record on {@code alize.needs} carrying that span's context as
 * its {@code traceparent} (impact-service's TracingIT picks the trace up from such a record).
 */
@QuarkusTest
class TracingIT {

    @Inject
    InMemorySpanExporter spans;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aPostedNeedIsOneTraceFromTheRequestToTheRecordOnTheTopic() throws Exception {
        SkillTaxonomyFeed.ensureReceived();
        String token = Tokens.sme(Smes.approved());
        String needId = NeedPublicationIT.publish(token, null);
        ConsumerRecord<String, String> record = NeedsTopic.recordsOf(needId, 1).get(0);
        String eventId = header(record, "ce_id");

        SpanData publish = await().atMost(Duration.ofSeconds(20)).until(() -> span(s -> s.getName().equals("alize.needs publish")
                && eventId.equals(s.getAttributes().get(AttributeKey.stringKey("messaging.message.id")))), Optional::isPresent).get();
        String traceId = publish.getTraceId();
        SpanData request = await().atMost(Duration.ofSeconds(20)).until(() -> span(s -> s.getKind() == SpanKind.SERVER
                && s.getTraceId().equals(traceId)), Optional::isPresent).get();

        assertThat(publish.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(request.getName()).isEqualTo("POST /needs");
        assertThat(publish.getParentSpanId()).as("the relay's span is a child of the request's").isEqualTo(request.getSpanId());
        assertThat(storedMetaData(needId)).contains("\"traceparent\":\"00-" + traceId + "-" + request.getSpanId());
        assertThat(header(record, "traceparent")).isEqualTo("00-" + traceId + "-" + publish.getSpanId() + "-01");
    }

    private Optional<SpanData> span(java.util.function.Predicate<SpanData> which) {
        List<SpanData> finished = spans.getFinishedSpanItems();
        return finished.stream().filter(which).findFirst();
    }

    /** The metadata the need's first event was stored with, as text. */
    private String storedMetaData(String needId) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number LIMIT 1")) {
            query.setString(1, needId);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return new String(rows.getBytes(1), StandardCharsets.UTF_8);
            }
        }
    }
}
