package fr.alize.impact.eventlog;

import fr.alize.impact.cluster.ClusterLock;
import fr.alize.platform.jdbc.Jdbc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.common.TopicPartition;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The rebuild's state in the database, shared by every instance: one row ({@code event_log_rebuild}: state, owner,
 * generations, times, counters) and the position of every partition ({@code event_log_rebuild_position}). Every
 * write of a running rebuild is guarded: it changes the row only while the backend recorded as the holder still
 * holds the rebuild's lock, so that an instance that lost its lock (and whose rebuild another one took over) cannot
 * write over it.
 */
@ApplicationScoped
class RebuildCheckpoints {

    private static final String GUARD = " WHERE id = 1 AND holder_pid = ? AND " + ClusterLock.HELD;

    /** The rebuild as last committed; positions: partition → {next offset, end offset}. */
    record Checkpoint(RebuildStatus.State state, int from, Integer to, Timestamp copyStartedAt, long total,
                      Map<TopicPartition, long[]> positions) {
    }

    /** The lock was lost (the session that held it ended): another instance may have taken the rebuild over. */
    static final class LockLost extends IllegalStateException {
        LockLost() {
            super("the rebuild's lock was lost: its database session ended");
        }
    }

    @Inject
    Jdbc jdbc;
    @Inject
    GenerationTables tables;
    @Inject
    Clock clock;

    /** The last rebuild; a RUNNING one whose lock no session holds reads INTERRUPTED; none at all reads IDLE. */
    RebuildStatus status() {
        return jdbc.one("""
                SELECT state, from_generation, to_generation, records_read, total, stored, skipped, started_at,
                       finished_at, problem, resumed, owner, heartbeat_at, %s
                FROM event_log_rebuild WHERE id = 1""".formatted(ClusterLock.HELD), row -> {
            RebuildStatus.State state = RebuildStatus.State.valueOf(row.getString(1));
            if (state == RebuildStatus.State.RUNNING && !row.getBoolean(14)) {
                state = RebuildStatus.State.INTERRUPTED;
            }
            return new RebuildStatus(state, row.getInt(2), (Integer) row.getObject(3), row.getLong(4), row.getLong(5),
                    row.getLong(6), row.getLong(7), instant(row.getTimestamp(8)), instant(row.getTimestamp(9)),
                    row.getString(10), row.getBoolean(11), row.getString(12), instant(row.getTimestamp(13)));
        }, ClusterLock.Work.REBUILD.key, null, null).orElse(RebuildStatus.IDLE);
    }

    /**
     * Makes the rebuild this lock holder's: resumes the last one from its checkpoint when it can (it did not switch,
     * it copies from the generation still current, its table exists), else records a fresh one from the current
     * generation. The row is locked first, so that a batch in flight of an instance that lost its lock commits, or
     * not, before the checkpoint is read.
     */
    RebuildStatus claim(ClusterLock.Held lock, int current, String owner) {
        return QuarkusTransaction.requiringNew().call(() -> {
            jdbc.list("SELECT 1 FROM event_log_rebuild WHERE id = 1 FOR UPDATE", row -> 1);
            Checkpoint last = load();
            Timestamp now = Timestamp.from(clock.instant());
            if (last != null && last.state() != RebuildStatus.State.SWITCHED && last.from() == current
                    && last.to() != null && !last.positions().isEmpty() && tables.exists(last.to())) {
                jdbc.update("""
                        UPDATE event_log_rebuild SET state = 'RUNNING', owner = ?, holder_pid = ?, heartbeat_at = ?,
                               finished_at = NULL, problem = NULL, resumed = TRUE WHERE id = 1""", owner, lock.pid(), now);
            } else {
                jdbc.update("DELETE FROM event_log_rebuild_position");
                jdbc.update("DELETE FROM event_log_rebuild");
                jdbc.update("""
                        INSERT INTO event_log_rebuild (id, state, owner, holder_pid, heartbeat_at, from_generation,
                                                       started_at, total, records_read, stored, skipped, resumed)
                        VALUES (1, 'RUNNING', ?, ?, ?, ?, ?, 0, 0, 0, 0, FALSE)""", owner, lock.pid(), now, current, now);
            }
            return status();
        });
    }

    /** The rebuild as last committed, or null. */
    Checkpoint load() {
        return QuarkusTransaction.joiningExisting().call(() -> jdbc.one("""
                SELECT state, from_generation, to_generation, copy_started_at, total FROM event_log_rebuild WHERE id = 1""",
                row -> new Checkpoint(RebuildStatus.State.valueOf(row.getString(1)), row.getInt(2),
                        (Integer) row.getObject(3), row.getTimestamp(4), row.getLong(5), positions())).orElse(null));
    }

    private Map<TopicPartition, long[]> positions() {
        Map<TopicPartition, long[]> positions = new HashMap<>();
        jdbc.list("SELECT topic, kafka_partition, next_offset, end_offset FROM event_log_rebuild_position", row -> {
            positions.put(new TopicPartition(row.getString(1), row.getInt(2)), new long[]{row.getLong(3), row.getLong(4)});
            return null;
        });
        return positions;
    }

    /** A fresh rebuild's checkpoint: the table it fills, since when, and every partition from its start to its end. */
    Checkpoint begin(ClusterLock.Held lock, int to, Timestamp copyStartedAt, Map<TopicPartition, long[]> positions) {
        long total = positions.values().stream().mapToLong(p -> Math.max(0, p[1] - p[0])).sum();
        return QuarkusTransaction.requiringNew().call(() -> {
            guarded(lock, "UPDATE event_log_rebuild SET to_generation = ?, copy_started_at = ?, total = ?, heartbeat_at = ?",
                    to, copyStartedAt, total, Timestamp.from(clock.instant()));
            jdbc.batch("INSERT INTO event_log_rebuild_position (topic, kafka_partition, next_offset, end_offset) VALUES (?, ?, ?, ?)",
                    positions.entrySet().stream().map(p -> new Object[]{p.getKey().topic(), p.getKey().partition(),
                            p.getValue()[0], p.getValue()[1]}).toList());
            return load();
        });
    }

    /** In the batch's transaction: its counters and the partitions' next offsets. */
    void batchCopied(ClusterLock.Held lock, long read, long stored, long skipped, Map<TopicPartition, Long> next) {
        guarded(lock, """
                UPDATE event_log_rebuild SET records_read = records_read + ?, stored = stored + ?, skipped = skipped + ?,
                       heartbeat_at = ?""", read, stored, skipped, Timestamp.from(clock.instant()));
        jdbc.batch("UPDATE event_log_rebuild_position SET next_offset = ? WHERE topic = ? AND kafka_partition = ?",
                next.entrySet().stream().map(p -> new Object[]{p.getValue(), p.getKey().topic(), p.getKey().partition()})
                        .toList());
    }

    /** The events the new table holds once its duplicates are removed. */
    void tableFinished(ClusterLock.Held lock, long stored) {
        QuarkusTransaction.requiringNew().run(() -> guarded(lock,
                "UPDATE event_log_rebuild SET stored = ?, heartbeat_at = ?", stored, Timestamp.from(clock.instant())));
    }

    /** In the switch-over's transaction: the rebuild is done, its positions are no longer needed. */
    void switched(ClusterLock.Held lock) {
        Timestamp now = Timestamp.from(clock.instant());
        guarded(lock, "UPDATE event_log_rebuild SET state = 'SWITCHED', finished_at = ?, heartbeat_at = ?", now, now);
        jdbc.update("DELETE FROM event_log_rebuild_position");
    }

    /** The rebuild stopped on an error; its checkpoint stays, for the next start to resume. */
    void failed(ClusterLock.Held lock, String problem) {
        Timestamp now = Timestamp.from(clock.instant());
        QuarkusTransaction.requiringNew().run(() -> guarded(lock,
                "UPDATE event_log_rebuild SET state = 'FAILED', finished_at = ?, heartbeat_at = ?, problem = ?",
                now, now, problem));
    }

    private void guarded(ClusterLock.Held lock, String update, Object... parameters) {
        Object[] all = new Object[parameters.length + 4];
        System.arraycopy(parameters, 0, all, 0, parameters.length);
        all[parameters.length] = lock.pid();
        all[parameters.length + 1] = ClusterLock.Work.REBUILD.key;
        all[parameters.length + 2] = lock.pid();
        all[parameters.length + 3] = lock.pid();
        if (jdbc.update(update + GUARD, all) != 1) {
            throw new LockLost();
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
