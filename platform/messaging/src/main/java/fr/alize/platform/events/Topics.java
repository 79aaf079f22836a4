package fr.alize.platform.events;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Topics are created by their producer, with the settings it needs; nobody relies on broker auto-creation. */
public final class Topics {

    private Topics() {
    }

    /**
     * A topic that is an event log: kept forever ({@code retention.ms} and {@code retention.bytes} -1), unclean leader
     * election off, and {@code min.insync.replicas} when given (else the broker's default).
     */
    public static NewTopic eventLog(String name, int partitions, short replicationFactor, Optional<Integer> minInsyncReplicas) {
        Map<String, String> configs = new TreeMap<>(Map.of("retention.ms", "-1", "retention.bytes", "-1",
                "unclean.leader.election.enable", "false"));
        minInsyncReplicas.ifPresent(min -> configs.put("min.insync.replicas", Integer.toString(min)));
        return new NewTopic(name, partitions, replicationFactor).configs(configs);
    }

    /**
     * Creates the topic, waiting at most {@code timeout} for the broker.
     *
     * @return true when it was created, false when it existed already (it is then left as it is)
     */
    public static boolean createIfMissing(String bootstrapServers, NewTopic topic, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        int millis = (int) timeout.toMillis();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis))) {
            admin.createTopics(List.of(topic)).all().get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw e;
        }
    }
}
