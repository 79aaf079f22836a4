package fr.alize.needs.mission;

import fr.alize.needs.infrastructure.SystemCommands;
import fr.alize.needs.need.NeedCommands.RecordMissionCompleted;
import fr.alize.needs.need.NeedCommands.RecordMissionEnded;
import fr.alize.needs.need.NeedCommands.RecordMissionStarted;
import fr.alize.needs.need.NeedQueries;
import fr.alize.platform.events.EventEnvelope;
import fr.alize.platform.events.IdempotentConsumer;
import fr.alize.platform.events.RecordRejectedException;
import fr.alize.platform.events.Replayable;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Set;

import static fr.alize.contracts.MissionsTopic.MISSION_CANCELLED;
import static fr.alize.contracts.MissionsTopic.MISSION_COMPLETED;
import static fr.alize.contracts.MissionsTopic.MISSION_DECLINED;
import static fr.alize.contracts.MissionsTopic.MISSION_STARTED;

/**
 * Follows matching-service's missions: a started mission matches its need, a completed one fulfils it, a cancelled
 * or declined one reopens it. Each event id is applied once (the dedupe row and the need's events commit together).
 * An event about a need we do not know, or that does not fit the need's state, is parked by the platform (see
 * {@code GET /admin/parked-records}) and can be replayed once the need exists; it never stops the consumer.
 */
@ApplicationScoped
public class MissionEventsConsumer implements Replayable {

    static final String CONSUMER = "needs-from-missions";
    /** The mission events that change a need; the others (proposals, time logged...) are left without a transaction. */
    static final Set<String> APPLIED = Set.of(MISSION_STARTED, MISSION_COMPLETED, MISSION_CANCELLED, MISSION_DECLINED);

    @Inject
    IdempotentConsumer idempotent;
    @Inject
    SystemCommands commands;
    @Inject
    NeedQueries needs;

    @Incoming("mission-events")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        replay(CONSUMER, record);
    }

    @Override
    public Set<String> consumers() {
        return Set.of(CONSUMER);
    }

    @Override
    public IdempotentConsumer.Outcome replay(String consumer, ConsumerRecord<String, String> record) {
        return idempotent.apply(CONSUMER, record, APPLIED, this::apply);
    }

    private void apply(EventEnvelope event) {
        Object command = commandFor(event);
        if (command == null) {
            return;
        }
        String needId = event.data().path("needId").asText("");
        String problem = needs.exists(needId) ? commands.send(command) : "unknown need " + needId;
        if (problem != null) {
            throw new RecordRejectedException(problem);
        }
    }

    private static Object commandFor(EventEnvelope event) {
        String needId = event.data().path("needId").asText("");
        String missionId = event.data().path("missionId").asText(event.subject());
        return switch (event.type()) {
            case MISSION_STARTED -> new RecordMissionStarted(needId, missionId);
            case MISSION_COMPLETED -> new RecordMissionCompleted(needId, missionId);
            case MISSION_CANCELLED -> new RecordMissionEnded(needId, missionId,
                    "Mission cancelled: " + event.data().path("reason").asText(""));
            case MISSION_DECLINED -> new RecordMissionEnded(needId, missionId,
                    "Mission declined by " + event.data().path("party").asText("a party") + ": " + event.data().path("reason").asText(""));
            default -> null;
        };
    }
}
