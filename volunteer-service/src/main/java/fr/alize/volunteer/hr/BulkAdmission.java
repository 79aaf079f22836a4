package fr.alize.volunteer.hr;

import fr.alize.platform.errors.ServiceUnavailableException;
import fr.alize.volunteer.VolunteerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Lets at most {@code volunteer.bulk-concurrency} HR bulk requests run at once on this instance, first come first
 * served; a request that waits longer than {@code volunteer.bulk-queue-timeout} is answered 503 with
 * {@code Retry-After}, having changed nothing. Sixteen 1,000-row uploads at once filled a 256 MiB heap, and the
 * {@code OutOfMemoryError} stopped the outbox relay's thread with them.
 */
@ApplicationScoped
public class BulkAdmission {

    private final Semaphore turns;
    private final long timeoutMillis;

    @Inject
    public BulkAdmission(VolunteerConfig config) {
        this(config.bulkConcurrency(), config.bulkQueueTimeout());
    }

    BulkAdmission(int concurrency, Duration queueTimeout) {
        this.turns = new Semaphore(concurrency, true);
        this.timeoutMillis = queueTimeout.toMillis();
    }

    public <T> T run(Supplier<T> work) {
        boolean admitted;
        try {
            admitted = turns.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            throw new ServiceUnavailableException("Too many bulk requests are being applied; nothing was changed. Try again shortly.");
        }
        try {
            return work.get();
        } finally {
            turns.release();
        }
    }
}
