package fr.alize.impact.employment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.alize.impact.eventlog.EventLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Each SME's NAF code, commune and enrolment headcount, from its application and later profile updates. */
@ApplicationScoped
public class SmeProfiles {

    @Inject
    EventLog log;
    @Inject
    ObjectMapper mapper;

    public record Profile(String smeId, String nafCode, String communeCode, Integer baselineHeadcount) {
        public String nafSection() {
            return NafSections.of(nafCode);
        }
    }

    public Map<String, Profile> asOf(Instant asOf) {
        Map<String, Profile> profiles = new HashMap<>();
        List<JsonNode[]> rows = log.query(asOf, """
                SELECT type, data FROM events WHERE type IN ('SmeApplied', 'SmeProfileUpdated')
                ORDER BY occurred_at, aggregate_version""", List.of(), row -> new JsonNode[]{
                mapper.getNodeFactory().textNode(row.getString("type")), parse(row.getString("data"))});
        for (JsonNode[] row : rows) {
            JsonNode data = row[1];
            String smeId = data.path("smeId").asText();
            Profile before = profiles.getOrDefault(smeId, new Profile(smeId, null, null, null));
            boolean applied = row[0].asText().equals("SmeApplied");
            profiles.put(smeId, new Profile(smeId, text(data, "nafCode", before.nafCode()),
                    text(data, "communeCode", before.communeCode()),
                    applied && data.hasNonNull("headcount") ? Integer.valueOf(data.get("headcount").asInt()) : before.baselineHeadcount()));
        }
        return profiles;
    }

    private JsonNode parse(String json) {
        try {
            return mapper.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable event data", e);
        }
    }

    private static String text(JsonNode data, String field, String fallback) {
        return data.hasNonNull(field) ? data.get(field).asText() : fallback;
    }
}
