package fr.alize.volunteer.contribution;

import fr.alize.contracts.MissionsTopic;
import com.fasterxml.jackson.databind.JsonNode;
import fr.alize.platform.events.EventEnvelope;
import fr.alize.platform.events.IdempotentConsumer;
import fr.alize.platform.events.Replayable;
import fr.alize.platform.jdbc.Jdbc;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * Follows the missions topic and keeps the time logged by each partner's volunteers ({@code TimeLogged}), each
 * entry once; the other mission events do not change what a partner has given. An entry whose date or hours do not
 * parse is parked by the platform and the consumer goes on.
 */
@ApplicationScoped
public class MissionEventsConsumer implements Replayable {

    static final String CONSUMER = "partner-contributions";
    static final String TIME_LOGGED = MissionsTopic.TIME_LOGGED;

    @Inject
    IdempotentConsumer idempotent;
    @Inject
    Jdbc sql;

    @Incoming("missions-events")
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
        return idempotent.apply(CONSUMER, record, Set.of(TIME_LOGGED), this::timeLogged);
    }

    private void timeLogged(EventEnvelope event) {
        JsonNode data = event.data();
        JsonNode corrects = data.path("correctsEntryId");
        sql.update("""
                INSERT INTO time_entry (entry_id, mission_id, partner_id, volunteer_id, work_date, hours, corrects_entry_id)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (entry_id) DO NOTHING""",
                data.path("entryId").asText(), data.path("missionId").asText(event.subject()), data.path("partnerId").asText(),
                data.path("volunteerId").asText(), LocalDate.parse(data.path("date").asText()),
                new BigDecimal(data.path("hours").asText()), corrects.isTextual() ? corrects.asText() : null);
    }
}
