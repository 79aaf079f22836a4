package fr.alize.impact.eventlog;

/**
 * Points in a rebuild where a test may step in (the tests' own bean replaces {@link None}): nothing happens there in
 * production.
 */
public interface RebuildSeams {

    /** Once a fresh rebuild has read the end offsets, before anything is copied. */
    default void afterEndOffsets() {
    }

    /** Inside each batch's transaction, after its writes (throwing there stops the rebuild as a crash would). */
    default void beforeBatchCommit() {
    }

    /** Records per batch. */
    default int batchSize(int configured) {
        return configured;
    }

    /** Production: no seam does anything. */
    @io.quarkus.arc.DefaultBean
    @jakarta.enterprise.context.ApplicationScoped
    class None implements RebuildSeams {
    }
}
