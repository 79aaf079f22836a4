package fr.alize.matching.pool;

import fr.alize.contracts.NeedsTopic;
import fr.alize.platform.events.EventEnvelope;
import fr.alize.platform.events.IdempotentConsumer;
import fr.alize.platform.events.IdempotentConsumer.Outcome;
import fr.alize.platform.events.Replayable;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Follows the needs, volunteers and missions topics into the pool tables (each event once per consumer), then
 * refreshes the in-memory index from the rows the event touched: here at once, and on every instance through the
 * {@code pool_changed} notification sent in the same transaction ({@link PoolChanges}). A need that was just published is announced as a
 * {@link NeedOpened} CDI event, for the optional automatic proposal. A record that can never be applied is parked
 * by the platform and can be replayed through {@link #replay}.
 */
@ApplicationScoped
public class PoolConsumers implements Replayable {

    static final String NEEDS = "pool-needs";
    static final String VOLUNTEERS = "pool-volunteers";
    static final String MISSIONS = "pool-missions";

    /** A need was published and is now in the pool. */
    public record NeedOpened(String needId) {
    }

    @Inject
    IdempotentConsumer idempotent;
    @Inject
    PoolProjection projection;
    @Inject
    CandidatePool pool;
    @Inject
    Event<NeedOpened> needOpened;

    @Incoming("pool-needs")
    @Blocking
    public void onNeedEvent(ConsumerRecord<String, String> record) {
        replay(NEEDS, record);
    }

    @Incoming("pool-volunteers")
    @Blocking
    public void onVolunteerEvent(ConsumerRecord<String, String> record) {
        replay(VOLUNTEERS, record);
    }

    @Incoming("pool-missions")
    @Blocking
    public void onMissionEvent(ConsumerRecord<String, String> record) {
        replay(MISSIONS, record);
    }

    @Override
    public Set<String> consumers() {
        return Set.of(NEEDS, VOLUNTEERS, MISSIONS);
    }

    @Override
    public Outcome replay(String consumer, ConsumerRecord<String, String> record) {
        return switch (consumer) {
            case NEEDS -> {
                String[] type = new String[1];
                Outcome outcome = apply(NEEDS, PoolProjection.NEED, PoolProjection.NEED_EVENTS, record, event -> {
                    type[0] = event.type();
                    return projection.applyNeedEvent(event);
                }, pool::refreshNeed, needId -> {
                    if (NeedsTopic.NEED_PUBLISHED.equals(type[0])) {
                        needOpened.fire(new NeedOpened(needId));
                    }
                });
                yield outcome;
            }
            case VOLUNTEERS -> apply(VOLUNTEERS, PoolProjection.VOLUNTEER, PoolProjection.VOLUNTEER_EVENTS, record,
                    projection::applyVolunteerEvent,
                    pool::refreshVolunteerOrPartner, id -> { });
            case MISSIONS -> apply(MISSIONS, PoolProjection.MISSION, PoolProjection.MISSION_EVENTS, record,
                    projection::applyMissionEvent,
                    pool::refreshMission, id -> { });
            default -> throw new IllegalArgumentException("no consumer " + consumer);
        };
    }

    /**
     * Applies the record and, in the same transaction, notifies every instance of the id it touched; once it is
     * applied, refreshes this instance's pool for that id at once (without waiting for the notification), then tells.
     */
    private Outcome apply(String consumer, String kind, Set<String> types, ConsumerRecord<String, String> record,
                          Function<EventEnvelope, String> project, Consumer<String> refresh, Consumer<String> applied) {
        String[] touched = new String[1];
        Outcome outcome = idempotent.apply(consumer, record, types, event -> {
            touched[0] = project.apply(event);
            if (touched[0] != null) {
                projection.changed(kind, touched[0]);
            }
        });
        if (outcome == Outcome.APPLIED && touched[0] != null) {
            refresh.accept(touched[0]);
            applied.accept(touched[0]);
        }
        return outcome;
    }
}
