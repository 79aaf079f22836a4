package fr.alize.volunteer.hr;

import fr.alize.platform.jdbc.Jdbc;
import fr.alize.volunteer.VolunteerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/**
 * Idempotency keys of HR integration calls, per partner, as draft-ietf-httpapi-idempotency-key-header describes them.
 * A key is claimed (a row with no answer yet, committed at once) before its request runs, and holds the first answer
 * once it is done. Answers hold outcomes, ids and employee references, never a name or contact.
 * <p>
 * A key lives {@code volunteer.idempotency.expiry} (24 h) from its first use; after that it is forgotten and may be
 * used again. A claim whose request never finished (the instance died) is given up after
 * {@code volunteer.idempotency.in-flight-timeout} (5 min), so that a retry is not refused for a day.
 */
@ApplicationScoped
public class IdempotencyStore {

    @Inject
    Jdbc sql;
    @Inject
    Clock clock;
    @Inject
    VolunteerConfig config;

    /** What a request with a key may do. */
    public sealed interface Claim {
    }

    /** The key is new (or expired): this request runs, then {@link #complete} or {@link #release}. */
    public record Claimed() implements Claim {
    }

    /** The same request ran already: replay its answer. */
    public record Replay(int status, String response) implements Claim {
    }

    /** A request with this key is still running. */
    public record InFlight() implements Claim {
    }

    /** The key was used for another request. */
    public record OtherRequest() implements Claim {
    }

    public Claim claim(String partnerId, String key, String requestHash) {
        Instant now = clock.instant();
        // expired keys (any partner) are forgotten; so is this key's claim if its request was abandoned
        sql.update("DELETE FROM idempotent_request WHERE created_at < ?", Timestamp.from(now.minus(config.idempotency().expiry())));
        sql.update("DELETE FROM idempotent_request WHERE partner_id = ? AND idempotency_key = ? AND status IS NULL AND created_at < ?",
                partnerId, key, Timestamp.from(now.minus(config.idempotency().inFlightTimeout())));
        int inserted = sql.update("""
                INSERT INTO idempotent_request (partner_id, idempotency_key, request_hash, created_at)
                VALUES (?, ?, ?, ?) ON CONFLICT (partner_id, idempotency_key) DO NOTHING""",
                partnerId, key, requestHash, Timestamp.from(now));
        if (inserted == 1) {
            return new Claimed();
        }
        return sql.one("SELECT request_hash, status, response FROM idempotent_request WHERE partner_id = ? AND idempotency_key = ?",
                row -> {
                    if (!row.getString(1).equals(requestHash)) {
                        return (Claim) new OtherRequest();
                    }
                    int status = row.getInt(2);
                    return row.wasNull() ? new InFlight() : new Replay(status, row.getString(3));
                }, partnerId, key)
                // deleted between the insert and the read (it expired, or its claim was released): try once more
                .orElseGet(() -> claim(partnerId, key, requestHash));
    }

    /** Keeps the answer of a claimed key. */
    public void complete(String partnerId, String key, int status, String response) {
        sql.update("UPDATE idempotent_request SET status = ?, response = ? WHERE partner_id = ? AND idempotency_key = ? AND status IS NULL",
                status, response, partnerId, key);
    }

    /** Gives a claimed key up (its request failed without an answer to keep): a retry with it runs again. */
    public void release(String partnerId, String key) {
        sql.update("DELETE FROM idempotent_request WHERE partner_id = ? AND idempotency_key = ? AND status IS NULL", partnerId, key);
    }
}
