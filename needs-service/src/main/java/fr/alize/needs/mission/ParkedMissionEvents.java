package fr.alize.needs.mission;

import fr.alize.platform.jdbc.Jdbc;
import fr.alize.platform.events.EventEnvelope;
import fr.alize.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;
import java.util.List;

/** Mission events the needs could not take, kept for a person to look at. */
@Path("/parked-mission-events")
public class ParkedMissionEvents {

    public record ParkedEvent(String eventId, String type, String needId, String missionId, String reason,
                              String payload, Instant parkedAt) {
    }

    @Inject
    Jdbc jdbc;

    /** Within the consumer's transaction: parked and marked processed together. */
    void park(EventEnvelope event, String reason) {
        jdbc.update("""
                INSERT INTO parked_mission_event (event_id, type, need_id, mission_id, reason, payload)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                event.id(), event.type(), event.data().path("needId").asText(null),
                event.data().path("missionId").asText(event.subject()), reason, event.data().toString());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CCI)
    @Operation(summary = "Parked mission events", description = "Mission events about an unknown need, or that did not fit the need's state, newest last.")
    public List<ParkedEvent> list() {
        return jdbc.list("SELECT * FROM parked_mission_event ORDER BY parked_at, event_id",
                row -> new ParkedEvent(row.getString("event_id"), row.getString("type"), row.getString("need_id"),
                        row.getString("mission_id"), row.getString("reason"), row.getString("payload"),
                        row.getTimestamp("parked_at").toInstant()));
    }
}
