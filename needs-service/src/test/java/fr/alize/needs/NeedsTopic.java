package fr.alize.needs;

import fr.alize.testing.KafkaTestTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/** The service's own topic, as tests read it. */
public final class NeedsTopic {

    public static final String TOPIC = "alize.needs";

    private NeedsTopic() {
    }

    /** Waits until the topic holds {@code count} records with this key, and returns them in topic order. */
    public static List<ConsumerRecord<String, String>> recordsOf(String key, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> KafkaTestTopics.readAll(TOPIC).stream().filter(r -> key.equals(r.key())).toList(),
                records -> records.size() >= count);
    }
}
