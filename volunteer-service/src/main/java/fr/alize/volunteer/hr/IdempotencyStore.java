package fr.alize.volunteer.hr;

import fr.alize.platform.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * First answers of HR integration calls made with an {@code Idempotency-Key}, per partner. Answers hold outcomes,
 * ids and employee references, never a name or contact.
 */
@ApplicationScoped
public class IdempotencyStore {

    @Inject
    Jdbc sql;

    public record Stored(String requestHash, int status, String response) {
    }

    public Optional<Stored> find(String partnerId, String key) {
        return sql.one("SELECT request_hash, status, response FROM idempotent_request WHERE partner_id = ? AND idempotency_key = ?",
                row -> new Stored(row.getString(1), row.getInt(2), row.getString(3)), partnerId, key);
    }

    /** Keeps the first answer: a concurrent call with the same key does not replace it. */
    public void save(String partnerId, String key, Stored answer) {
        sql.update("""
                INSERT INTO idempotent_request (partner_id, idempotency_key, request_hash, status, response)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (partner_id, idempotency_key) DO NOTHING""",
                partnerId, key, answer.requestHash(), answer.status(), answer.response());
    }
}
