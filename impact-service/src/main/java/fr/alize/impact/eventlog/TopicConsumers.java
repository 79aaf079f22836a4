package fr.alize.impact.eventlog;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.ArrayList;
import java.util.List;

/**
 * Follows the three topics impact-service reports on. Consumption is by batch ({@code batch=true}): the records of
 * each poll go to the event log in one transaction, and their offsets are committed once it has committed.
 */
@ApplicationScoped
public class TopicConsumers {

    @Inject
    EventLog log;

    @Incoming("needs-events")
    @Blocking
    public void needs(ConsumerRecords<String, String> records) {
        log.consume(list(records));
    }

    @Incoming("volunteers-events")
    @Blocking
    public void volunteers(ConsumerRecords<String, String> records) {
        log.consume(list(records));
    }

    @Incoming("missions-events")
    @Blocking
    public void missions(ConsumerRecords<String, String> records) {
        log.consume(list(records));
    }

    private static List<ConsumerRecord<String, String>> list(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> list = new ArrayList<>(records.count());
        records.forEach(list::add);
        return list;
    }
}
