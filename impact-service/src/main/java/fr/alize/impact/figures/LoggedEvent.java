package fr.alize.impact.figures;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** An event of the log as the projections read it. */
public record LoggedEvent(String id, String type, Instant occurredAt, Instant recordedAt, long aggregateVersion,
                          JsonNode data) {

    public String text(String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
