package fr.alize.platform.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.Set;

/**
 * A bean whose Kafka consumers park what they cannot apply (through {@link IdempotentConsumer}) and can be handed a
 * parked record again ({@link ParkedRecords#replay}).
 */
public interface Replayable {

    /** The consumer names, as given to {@link IdempotentConsumer}, that this bean applies. */
    Set<String> consumers();

    /** Applies the record as the consumer of that name would have; returns what became of it. */
    IdempotentConsumer.Outcome replay(String consumer, ConsumerRecord<String, String> record);
}
