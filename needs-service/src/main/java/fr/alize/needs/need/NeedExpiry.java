package fr.alize.needs.need;

import fr.alize.needs.infrastructure.SystemCommands;
import fr.alize.platform.axon.AxonRuntime;
import fr.alize.platform.jdbc.Jdbc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.axonframework.modelling.command.ConcurrencyException;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Expires the open needs whose wished window has ended (the day after {@code windowEnd}, in the programme's time
 * zone). Runs on a schedule ({@code needs.expiry-every}, hourly by default) and on demand. Every instance has the
 * schedule, but a run holds the PostgreSQL advisory lock {@link #LOCK} (taken with {@code pg_try_advisory_xact_lock}
 * in a transaction that lasts the run), so runs never overlap across the cluster: one that finds the lock taken does
 * nothing and says so. Each expiry is its own command, outside that transaction.
 */
@ApplicationScoped
public class NeedExpiry {

    private static final Logger LOG = Logger.getLogger(NeedExpiry.class);

    /** The key of the advisory lock of a run, the same on every instance ("needs.expiry" in ASCII). */
    static final long LOCK = 0x6e656564732e6578L;
    /** How long one run may hold the lock at most; a run still going then loses it. */
    private static final int RUN_TIMEOUT_SECONDS = 900;

    /** @param alreadyRunning true when another run (on any instance) held the lock, so this one did nothing */
    public record ExpiryRun(LocalDate today, int expired, boolean alreadyRunning) {
    }

    @Inject
    Clock clock;
    @Inject
    NeedQueries queries;
    @Inject
    SystemCommands commands;
    @Inject
    AxonRuntime axon;
    @Inject
    Jdbc jdbc;

    @Scheduled(every = "${needs.expiry-every:1h}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (!axon.isStarted()) {
            return;
        }
        ExpiryRun run = expireEndedNeeds();
        if (run.expired() > 0) {
            LOG.infof("%d need(s) expired (window ended before %s)", run.expired(), run.today());
        }
    }

    /** One run now, on demand ({@link NeedExpiryResource}) or on schedule. */
    public ExpiryRun expireEndedNeeds() {
        LocalDate today = LocalDate.now(clock);
        return QuarkusTransaction.requiringNew().timeout(RUN_TIMEOUT_SECONDS).call(() -> {
            if (!jdbc.one("SELECT pg_try_advisory_xact_lock(?)", row -> row.getBoolean(1), LOCK).orElse(false)) {
                LOG.debugf("need expiry: another run holds the lock; nothing done here");
                return new ExpiryRun(today, 0, true);
            }
            return QuarkusTransaction.suspendingExisting().call(() -> expire(today));
        });
    }

    private ExpiryRun expire(LocalDate today) {
        int expired = 0;
        for (String needId : queries.openNeedsEndedBefore(today)) {
            try {
                if (Boolean.TRUE.equals(commands.send(new NeedCommands.ExpireNeed(needId)))) {
                    expired++;
                }
            } catch (ConcurrencyException e) {
                LOG.debugf("need %s changed while expiring; the next run looks again", needId);
            }
        }
        return new ExpiryRun(today, expired, false);
    }
}
