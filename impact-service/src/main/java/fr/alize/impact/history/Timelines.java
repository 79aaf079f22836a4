package fr.alize.impact.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.alize.impact.eventlog.EventLog;
import fr.alize.impact.report.CsvTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Histories read from the event log: every event of a mission, or about an SME, in the order they happened. Each entry
 * says what happened, who caused it (role and pseudonymous id, never a name) and when.
 */
@ApplicationScoped
public class Timelines {

    /** Ids shown in their own columns, left out of {@code details}. */
    private static final Set<String> IDS = Set.of("missionId", "needId", "smeId", "volunteerId", "partnerId");

    @Inject
    EventLog log;
    @Inject
    ObjectMapper mapper;

    public record Entry(int sequence, String type, Instant occurredAt, Instant recordedAt, String actorRole,
                        String actorId, String missionId, String needId, String smeId, String volunteerId,
                        String partnerId, JsonNode details) {
    }

    public List<Entry> ofMission(String missionId, Instant asOf) {
        return read("data ->> 'missionId' = ?", missionId, asOf);
    }

    public List<Entry> ofSme(String smeId, Instant asOf) {
        return read("data ->> 'smeId' = ?", smeId, asOf);
    }

    private List<Entry> read(String condition, String id, Instant asOf) {
        int[] sequence = {0};
        return log.query(asOf, """
                SELECT type, occurred_at, recorded_at, actor_role, actor_id, data FROM events WHERE %s
                ORDER BY occurred_at, aggregate_version, topic, kafka_partition, kafka_offset""".formatted(condition),
                List.of(id), row -> {
                    JsonNode data = read(row.getString("data"));
                    ObjectNode details = mapper.createObjectNode();
                    data.fields().forEachRemaining(field -> {
                        if (!IDS.contains(field.getKey())) {
                            details.set(field.getKey(), field.getValue());
                        }
                    });
                    return new Entry(++sequence[0], row.getString("type"), row.getTimestamp("occurred_at").toInstant(),
                            row.getTimestamp("recorded_at").toInstant(), row.getString("actor_role"),
                            row.getString("actor_id"), text(data, "missionId"), text(data, "needId"),
                            text(data, "smeId"), text(data, "volunteerId"), text(data, "partnerId"), details);
                });
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable event data", e);
        }
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static CsvTable csv(List<Entry> entries) {
        CsvTable table = CsvTable.of("sequence", "type", "occurredAt", "recordedAt", "actorRole", "actorId",
                "missionId", "needId", "smeId", "volunteerId", "partnerId", "details");
        entries.forEach(e -> table.row(e.sequence(), e.type(), e.occurredAt(), e.recordedAt(), e.actorRole(),
                e.actorId(), e.missionId(), e.needId(), e.smeId(), e.volunteerId(), e.partnerId(), e.details().toString()));
        return table;
    }
}
