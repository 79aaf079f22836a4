package fr.alize.needs.mission;

import fr.alize.needs.infrastructure.SystemCommands;
import fr.alize.needs.need.NeedCommands.RecordMissionCompleted;
import fr.alize.needs.need.NeedCommands.RecordMissionEnded;
import fr.alize.needs.need.NeedCommands.RecordMissionStarted;
import fr.alize.needs.need.NeedQueries;
import fr.alize.platform.events.EventEnvelope;
import fr.alize.platform.events.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Follows matching-service's missions: a started mission matches its need, a completed one fulfils it, a cancelled
 * or declined one reopens it. Each event id is applied once (the dedupe row, the need's events and any parked row
 * commit together). An event about a need we do not know, or that does not fit the need's state, is logged and parked
 * in {@code parked_mission_event}; it never stops the consumer.
 */
@ApplicationScoped
public class MissionEventsConsumer {

    static final String CONSUMER = "needs-from-missions";
    private static final Logger LOG = Logger.getLogger(MissionEventsConsumer.class);

    @Inject
    IdempotentConsumer idempotent;
    @Inject
    SystemCommands commands;
    @Inject
    NeedQueries needs;
    @Inject
    ParkedMissionEvents parked;

    @Incoming("mission-events")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        idempotent.apply(CONSUMER, record, this::apply);
    }

    private void apply(EventEnvelope event) {
        Object command = commandFor(event);
        if (command == null) {
            return;
        }
        String needId = event.data().path("needId").asText("");
        String problem = needs.exists(needId) ? commands.send(command) : "unknown need " + needId;
        if (problem != null) {
            LOG.warnf("%s parked %s %s (mission %s): %s", CONSUMER, event.type(), event.id(), event.subject(), problem);
            parked.park(event, problem);
        }
    }

    private static Object commandFor(EventEnvelope event) {
        String needId = event.data().path("needId").asText("");
        String missionId = event.data().path("missionId").asText(event.subject());
        return switch (event.type()) {
            case "MissionStarted" -> new RecordMissionStarted(needId, missionId);
            case "MissionCompleted" -> new RecordMissionCompleted(needId, missionId);
            case "MissionCancelled" -> new RecordMissionEnded(needId, missionId,
                    "Mission cancelled: " + event.data().path("reason").asText(""));
            case "MissionDeclined" -> new RecordMissionEnded(needId, missionId,
                    "Mission declined by " + event.data().path("party").asText("a party") + ": " + event.data().path("reason").asText(""));
            default -> null;
        };
    }
}
