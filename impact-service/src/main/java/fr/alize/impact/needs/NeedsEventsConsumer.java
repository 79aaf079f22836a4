package fr.alize.impact.needs;

import fr.alize.platform.events.EventEnvelope;
import fr.alize.platform.events.IdempotentConsumer;
import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

/** Follows the needs topic and keeps the published needs. */
@ApplicationScoped
public class NeedsEventsConsumer {

    static final String CONSUMER = "published-needs";
    private static final Logger LOG = Logger.getLogger(NeedsEventsConsumer.class);

    @Inject
    IdempotentConsumer idempotent;
    @Inject
    AgroalDataSource dataSource;

    @Incoming("needs-events")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        idempotent.apply(CONSUMER, record, this::project);
    }

    private void project(EventEnvelope event) {
        switch (event.type()) {
            case "NeedPublished" -> insert(event);
            default -> LOG.debugf("%s ignores %s", CONSUMER, event.type());
        }
    }

    private void insert(EventEnvelope event) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO published_need (need_id, sme_id, category, published_at, event_id)
                     VALUES (?, ?, ?, ?, ?) ON CONFLICT (need_id) DO NOTHING""")) {
            insert.setString(1, event.data().path("needId").asText(event.subject()));
            insert.setString(2, event.data().path("smeId").asText());
            insert.setString(3, event.data().path("category").asText());
            insert.setTimestamp(4, Timestamp.from(event.time()));
            insert.setString(5, event.id());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record need " + event.subject(), e);
        }
    }
}
