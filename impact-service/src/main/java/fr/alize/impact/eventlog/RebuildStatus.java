package fr.alize.impact.eventlog;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * The last rebuild as the database holds it, the same for every instance.
 *
 * @param owner       the instance that runs it (or ran it last)
 * @param heartbeatAt when it last made progress (a batch copied, a phase begun or ended)
 * @param resumed     true when this run continued an interrupted or failed rebuild from its checkpoint
 */
public record RebuildStatus(State state, Integer fromGeneration, Integer toGeneration, long read, long total,
                            long stored, long skipped, Instant startedAt, Instant finishedAt, String problem,
                            boolean resumed, String owner, Instant heartbeatAt) {

    /**
     * INTERRUPTED: a rebuild left RUNNING by an instance that is gone (its database session, and the lock with it,
     * ended); FAILED: one that stopped on an error. Starting a rebuild resumes either from its checkpoint.
     */
    public enum State { IDLE, RUNNING, SWITCHED, FAILED, INTERRUPTED }

    static final RebuildStatus IDLE = new RebuildStatus(State.IDLE, null, null, 0, 0, 0, 0, null, null, null, false,
            null, null);

    @JsonProperty
    public double progress() {
        return total == 0 ? (state == State.SWITCHED ? 1.0 : 0.0) : Math.min(1.0, (double) read / total);
    }
}
