package fr.alize.impact.eventlog;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.alize.impact.cluster.ClusterLock;
import fr.alize.impact.report.ImpactConfig;
import fr.alize.platform.events.EventEnvelope;
import fr.alize.platform.events.ParkedRecords;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The rebuild's reading of the topics: consumers of its own (no group, nothing committed; positions are the
 * checkpoint's), parallel copy streams over disjoint sets of partitions, each batch written with {@code COPY} in one
 * transaction with its checkpoint.
 */
@ApplicationScoped
class CopyStreams {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper mapper;
    @Inject
    ParkedRecords parkedRecords;
    @Inject
    RebuildCheckpoints checkpoints;
    @Inject
    RebuildThreads threads;
    @Inject
    RebuildSeams seams;
    @Inject
    ImpactConfig config;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "mp.messaging.incoming.needs-events.topic")
    String needsTopic;
    @ConfigProperty(name = "mp.messaging.incoming.volunteers-events.topic")
    String volunteersTopic;
    @ConfigProperty(name = "mp.messaging.incoming.missions-events.topic")
    String missionsTopic;

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, seams.batchSize(config.rebuild().batchSize()),
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer());
    }

    /**
     * Every partition of the three topics: {beginning, end} offsets as they are now. The end offsets are read first,
     * then {@code afterEndOffsets} runs (a test seam), then the beginnings.
     */
    Map<TopicPartition, long[]> offsetsNow(Runnable afterEndOffsets) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(needsTopic, volunteersTopic, missionsTopic)) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            afterEndOffsets.run();
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            Map<TopicPartition, long[]> positions = new HashMap<>();
            partitions.forEach(p -> positions.put(p, new long[]{beginning.get(p), end.get(p)}));
            return positions;
        }
    }

    /**
     * Copies every partition from its checkpointed offset up to the end recorded when the rebuild began, in parallel
     * streams over disjoint sets of partitions, balanced by the records left: each partition is read by one stream
     * only, so its batches commit in order with its checkpoint. When a stream fails the others stop after their
     * write in flight, and the failure is thrown.
     */
    void copy(RebuildCheckpoints.Checkpoint checkpoint, ClusterLock.Held lock) {
        Map<TopicPartition, Long> left = new HashMap<>();
        checkpoint.positions().forEach((partition, offsets) -> {
            if (offsets[0] < offsets[1]) {
                left.put(partition, offsets[1] - offsets[0]);
            }
        });
        String copy = CopyRows.copyInto(checkpoint.to());
        AtomicBoolean stop = new AtomicBoolean();
        threads.eachShare(left, share -> {
            try {
                stream(share, checkpoint.positions(), copy, lock, stop);
            } catch (RuntimeException e) {
                stop.set(true);
                throw e;
            }
        });
    }

    /**
     * A batch ready to write: its rows in COPY's text format, the records to park with their reasons, its counts
     * (skipped: unknown types and parked records), and the partitions' next offsets after it.
     */
    private record Prepared(String rows, Map<ConsumerRecord<String, String>, String> parked, int read, int copied,
                            int skipped, Map<TopicPartition, Long> next) {
    }

    /**
     * One stream: its consumer polls and prepares batch n+1 while batch n is being copied (one write in flight at
     * most, in order), so that reading and parsing overlap with PostgreSQL's work.
     */
    private void stream(List<TopicPartition> share, Map<TopicPartition, long[]> positions, String copy,
                        ClusterLock.Held lock, AtomicBoolean stop) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            Map<TopicPartition, Long> end = new HashMap<>();
            share.forEach(partition -> end.put(partition, positions.get(partition)[1]));
            consumer.assign(share);
            share.forEach(partition -> consumer.seek(partition, positions.get(partition)[0]));
            CompletableFuture<Void> writing = CompletableFuture.completedFuture(null);
            while (!end.isEmpty() && !stop.get()) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException("the rebuild was stopped");
                }
                Prepared batch = prepare(consumer.poll(Duration.ofMillis(500)), end,
                        partition -> Math.min(consumer.position(partition), end.get(partition)));
                List<TopicPartition> done = end.keySet().stream().filter(p -> batch.next().get(p) >= end.get(p)).toList();
                consumer.pause(done);
                done.forEach(end::remove);
                RebuildThreads.allOf(List.of(writing)); // the previous batch is committed (or its failure is thrown here)
                writing = threads.async(() -> store(copy, batch, lock));
            }
            RebuildThreads.allOf(List.of(writing));
        }
    }

    /**
     * The records below their partition's end, as COPY rows; unknown types are skipped, and records the live consumer
     * would park (not an event, or failing {@link EventChecks}) are parked with the same reason.
     */
    private Prepared prepare(ConsumerRecords<String, String> records, Map<TopicPartition, Long> end,
                             Function<TopicPartition, Long> nextOffset) {
        StringBuilder rows = new StringBuilder(records.count() * 1024);
        Map<ConsumerRecord<String, String>, String> parked = new LinkedHashMap<>();
        int read = 0;
        int copied = 0;
        for (ConsumerRecord<String, String> record : records) {
            Long last = end.get(new TopicPartition(record.topic(), record.partition()));
            if (last == null || record.offset() >= last) {
                continue;
            }
            read++;
            EventEnvelope.Result parsed = EventEnvelope.parse(record, mapper);
            String problem = parsed.isValid() ? EventChecks.problem(parsed.envelope(), record.value()) : parsed.problem();
            if (problem != null) {
                parked.put(record, problem);
            } else if (EventTypes.isKnown(parsed.envelope().type())) {
                CopyRows.append(rows, parsed.envelope(), record);
                copied++;
            }
        }
        Map<TopicPartition, Long> next = new HashMap<>();
        end.keySet().forEach(partition -> next.put(partition, nextOffset.apply(partition)));
        return new Prepared(rows.toString(), parked, read, copied, read - copied, next);
    }

    /**
     * Writes a batch with COPY and moves the checkpoint, in one transaction. A record to park that a person replayed
     * with a corrected value (the live log holds the corrected event) is copied with that value instead, so that the
     * rebuilt log holds what the current one does; the others are parked (again: one more attempt on the same row).
     */
    private void store(String copySql, Prepared batch, ClusterLock.Held lock) {
        QuarkusTransaction.requiringNew().run(() -> {
            StringBuilder rows = new StringBuilder(batch.rows());
            int corrected = 0;
            for (Map.Entry<ConsumerRecord<String, String>, String> poison : batch.parked().entrySet()) {
                ConsumerRecord<String, String> fixed = parkedRecords.correctedValue(EventLog.CONSUMER, poison.getKey())
                        .map(value -> ParkedRecords.withValue(poison.getKey(), value)).orElse(null);
                EventEnvelope.Result parsed = fixed == null ? null : EventEnvelope.parse(fixed, mapper);
                if (parsed != null && parsed.isValid() && EventChecks.problem(parsed.envelope(), fixed.value()) == null
                        && EventTypes.isKnown(parsed.envelope().type())) {
                    CopyRows.append(rows, parsed.envelope(), fixed);
                    corrected++;
                } else {
                    parkedRecords.park(EventLog.CONSUMER, poison.getKey(), poison.getValue());
                }
            }
            if (batch.copied() + corrected > 0) {
                try (Connection connection = dataSource.getConnection()) {
                    connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql, new StringReader(rows.toString()));
                } catch (SQLException | IOException e) {
                    throw new IllegalStateException("could not copy a batch of the rebuild", e);
                }
            }
            checkpoints.batchCopied(lock, batch.read(), batch.copied() + corrected, batch.skipped() - corrected,
                    batch.next());
            seams.beforeBatchCommit();
        });
    }
}
