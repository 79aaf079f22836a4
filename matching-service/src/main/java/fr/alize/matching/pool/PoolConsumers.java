package fr.alize.matching.pool;

import fr.alize.platform.events.EventEnvelope;
import fr.alize.platform.events.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Follows the needs, volunteers and missions topics into the pool tables (each event once per consumer), then
 * refreshes the in-memory index from the rows the event touched. A need that was just published is announced as a
 * {@link NeedOpened} CDI event, for the optional automatic proposal.
 */
@ApplicationScoped
public class PoolConsumers {

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
        String[] type = new String[1];
        String needId = apply(NEEDS, record, event -> {
            type[0] = event.type();
            return projection.applyNeedEvent(event);
        }, pool::refreshNeed);
        if (needId != null && "NeedPublished".equals(type[0])) {
            needOpened.fire(new NeedOpened(needId));
        }
    }

    @Incoming("pool-volunteers")
    @Blocking
    public void onVolunteerEvent(ConsumerRecord<String, String> record) {
        apply(VOLUNTEERS, record, projection::applyVolunteerEvent, pool::refreshVolunteerOrPartner);
    }

    @Incoming("pool-missions")
    @Blocking
    public void onMissionEvent(ConsumerRecord<String, String> record) {
        apply(MISSIONS, record, projection::applyMissionEvent, pool::refreshMission);
    }

    /** Returns the id the event touched when it was applied now (not a duplicate, not skipped), else null. */
    private String apply(String consumer, ConsumerRecord<String, String> record,
                         Function<EventEnvelope, String> project, Consumer<String> refresh) {
        String[] touched = new String[1];
        IdempotentConsumer.Outcome outcome = idempotent.apply(consumer, record, event -> touched[0] = project.apply(event));
        if (outcome == IdempotentConsumer.Outcome.APPLIED && touched[0] != null) {
            refresh.accept(touched[0]);
            return touched[0];
        }
        return null;
    }
}
