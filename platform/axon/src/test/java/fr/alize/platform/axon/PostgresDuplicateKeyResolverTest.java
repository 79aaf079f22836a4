package fr.alize.platform.axon;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostgresDuplicateKeyResolverTest {

    private final PostgresDuplicateKeyResolver resolver = new PostgresDuplicateKeyResolver();

    @Test
    void aUniqueViolationAnywhereInTheCausesIsADuplicateKey() {
        SQLException unique = new SQLException("duplicate key value violates unique constraint", "23505");
        assertTrue(resolver.isDuplicateKeyViolation(unique));
        assertTrue(resolver.isDuplicateKeyViolation(new IllegalStateException("append failed", new RuntimeException(unique))));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(resolver.isDuplicateKeyViolation(new SQLException("connection refused", "08001")));
        assertFalse(resolver.isDuplicateKeyViolation(new SQLException("not null violation", "23502")));
        assertFalse(resolver.isDuplicateKeyViolation(new IllegalStateException("no cause")));
    }
}
