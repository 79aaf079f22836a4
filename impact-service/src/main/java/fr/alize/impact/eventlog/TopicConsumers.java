package fr.alize.impact.eventlog;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Follows the three topics impact-service reports on; each record goes to the event log. */
@ApplicationScoped
public class TopicConsumers {

    @Inject
    EventLog log;

    @Incoming("needs-events")
    @Blocking
    public void needs(ConsumerRecord<String, String> record) {
        log.consume(record);
    }

    @Incoming("volunteers-events")
    @Blocking
    public void volunteers(ConsumerRecord<String, String> record) {
        log.consume(record);
    }

    @Incoming("missions-events")
    @Blocking
    public void missions(ConsumerRecord<String, String> record) {
        log.consume(record);
    }
}
