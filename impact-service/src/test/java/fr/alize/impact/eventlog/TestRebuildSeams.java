package fr.alize.impact.eventlog;

import jakarta.enterprise.context.ApplicationScoped;

/** The tests' seams into a rebuild (replaces production's {@link RebuildSeams.None}); reset after each use. */
@ApplicationScoped
public class TestRebuildSeams implements RebuildSeams {

    private volatile Runnable afterEndOffsets = () -> { };
    private volatile Runnable beforeBatchCommit = () -> { };
    private volatile int batchSize;

    @Override
    public void afterEndOffsets() {
        afterEndOffsets.run();
    }

    @Override
    public void beforeBatchCommit() {
        beforeBatchCommit.run();
    }

    @Override
    public int batchSize(int configured) {
        return batchSize > 0 ? batchSize : configured;
    }

    /** What to do once the end offsets of a fresh rebuild are read, before anything is copied. */
    void onEndOffsets(Runnable hook) {
        afterEndOffsets = hook;
    }

    /** What to do before each batch commits (throwing there stops the rebuild as a crash would). */
    void onBatchCommit(Runnable hook) {
        beforeBatchCommit = hook;
    }

    /** Smaller batches than configured (0: as configured). */
    void smallBatches(int records) {
        batchSize = records;
    }

    /** Back to production's behaviour. */
    void reset() {
        onEndOffsets(() -> { });
        onBatchCommit(() -> { });
        smallBatches(0);
    }
}
