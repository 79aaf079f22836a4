package fr.alize.matching.pool;

import fr.alize.platform.errors.ConflictException;
import fr.alize.platform.jdbc.Jdbc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Rebuilds the candidate pool from offset 0 of its three topics, while the service runs:
 * <ol>
 *     <li>in one transaction, empties the pool tables, then forgets the events the three pool consumers processed
 *     (in that order: the truncation waits for a consumer's transaction in flight, so that no event stays marked as
 *     processed without its rows);</li>
 *     <li>in the same transaction, notifies {@code pool_changed} {@code rebuild:id}, so that every other instance
 *     does step 3 for the partitions it holds ({@link #rebuiltElsewhere});</li>
 *     <li>on each consumer's polling thread, seeks its partitions to their beginning and commits that position, so
 *     that a restart in the middle of the replay starts again from the beginning instead of where the consumer was
 *     before; then reloads the in-memory index from the emptied tables.</li>
 * </ol>
 * The consumers then replay every record; an event applied between steps 1 and 3 is seen again and skipped as a
 * duplicate, its rows being already there. The version guards of {@link PoolProjection} make the replay order
 * harmless. Until the replay has caught up, rankings see a partial pool.
 */
@ApplicationScoped
public class PoolRebuild {

    private static final Logger LOG = Logger.getLogger(PoolRebuild.class);
    static final List<String> TABLES = List.of("pool_need", "pool_volunteer", "pool_partner_pledge", "pool_mission",
            "pool_time_entry", "pool_partner_hours");
    static final List<String> CONSUMERS = List.of(PoolConsumers.NEEDS, PoolConsumers.VOLUNTEERS, PoolConsumers.MISSIONS);

    /** What the rebuild emptied, and how many records each consumer now replays (the topic's size at that moment). */
    public record Started(Map<String, Long> rowsDeleted, long processedEventsForgotten, Map<String, Long> recordsToReplay) {
    }

    @Inject
    Jdbc jdbc;
    @Inject
    PoolProjection projection;
    @Inject
    CandidatePool pool;
    @Inject
    KafkaClientService kafka;

    /** Rebuilds asked of this instance, whose rewind it made already: it skips their notification. */
    private final Set<String> ownRebuilds = ConcurrentHashMap.newKeySet();

    public synchronized Started rebuild() {
        for (String channel : CONSUMERS) {
            KafkaConsumer<Object, Object> consumer = kafka.getConsumer(channel);
            if (consumer == null || consumer.getAssignments().await().atMost(Duration.ofSeconds(10)).isEmpty()) {
                throw new ConflictException("The consumer " + channel + " has no partition assigned yet (its topic may not exist, "
                        + "or the group is rebalancing); nothing was changed. Try again shortly.");
            }
        }
        String rebuildId = UUID.randomUUID().toString();
        ownRebuilds.add(rebuildId);
        Map<String, Long> rows = new LinkedHashMap<>();
        long forgotten = QuarkusTransaction.requiringNew().call(() -> {
            for (String table : TABLES) {
                rows.put(table, jdbc.count("SELECT count(*) FROM " + table));
            }
            jdbc.update("TRUNCATE " + String.join(", ", TABLES));
            projection.changed(PoolProjection.REBUILD, rebuildId);
            return (long) jdbc.update("DELETE FROM processed_event WHERE consumer = ANY (?)", CONSUMERS);
        });
        Map<String, Long> replay = rewind();
        LOG.infof("candidate pool rebuild: emptied %s, forgot %d processed events, replaying %s", rows, forgotten, replay);
        return new Started(rows, forgotten, replay);
    }

    /** Another instance rebuilt the pool (told by {@link PoolChanges}): this one rewinds its share of the partitions. */
    void rebuiltElsewhere(String rebuildId) {
        if (!ownRebuilds.remove(rebuildId)) {
            LOG.infof("candidate pool rebuilt by another instance: replaying %s", rewind());
        }
    }

    /**
     * Seeks the partitions this instance's consumers hold to their beginning (committing that position for the
     * group), then reloads the index from the emptied tables; returns the records each consumer now replays.
     */
    private synchronized Map<String, Long> rewind() {
        Map<String, Long> replay = new LinkedHashMap<>();
        for (String channel : CONSUMERS) {
            KafkaConsumer<Object, Object> consumer = kafka.getConsumer(channel);
            replay.put(channel, consumer == null ? 0L
                    : consumer.runOnPollingThread(PoolRebuild::toBeginning).await().atMost(Duration.ofSeconds(30)));
        }
        pool.reload();
        return replay;
    }

    /** Seeks every assigned partition to its beginning and commits it there; returns the records to replay. */
    private static long toBeginning(Consumer<Object, Object> consumer) {
        Set<TopicPartition> partitions = consumer.assignment();
        Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        consumer.seekToBeginning(partitions);
        consumer.commitSync(beginning.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue()))));
        return partitions.stream().mapToLong(p -> end.get(p) - beginning.get(p)).sum();
    }
}
