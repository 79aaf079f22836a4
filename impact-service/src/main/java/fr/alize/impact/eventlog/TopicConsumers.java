package fr.alize.impact.eventlog;

import fr.alize.platform.events.IdempotentConsumer;
import fr.alize.platform.events.Replayable;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Follows the three topics impact-service reports on. Consumption is by batch ({@code batch=true}): the records of
 * each poll go to the event log in one transaction, and their offsets are committed once it has committed. A record
 * the log cannot take is parked by the platform; a replay hands it to the log again as a batch of one.
 */
@ApplicationScoped
public class TopicConsumers implements Replayable {

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

    @Override
    public Set<String> consumers() {
        return Set.of(EventLog.CONSUMER);
    }

    @Override
    public IdempotentConsumer.Outcome replay(String consumer, ConsumerRecord<String, String> record) {
        return log.consume(List.of(record)).single();
    }

    private static List<ConsumerRecord<String, String>> list(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> list = new ArrayList<>(records.count());
        records.forEach(list::add);
        return list;
    }
}
