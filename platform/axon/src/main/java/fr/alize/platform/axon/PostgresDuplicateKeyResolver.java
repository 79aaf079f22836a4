package fr.alize.platform.axon;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Tells Axon that an append failed on a unique constraint (SQLSTATE 23505), so that two writers of the same aggregate
 * version, or two creations of the same aggregate id, end in a {@code ConcurrencyException} (409) rather than an
 * unexplained 500. Axon's default resolver only knows {@code SQLIntegrityConstraintViolationException}, which the
 * PostgreSQL driver does not throw.
 */
public final class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
