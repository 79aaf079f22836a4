package fr.alize.platform.events;

import jakarta.transaction.RollbackException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import static org.assertj.core.api.Assertions.assertThat;

/** What is parked (permanent) and what is retried (transient). */
class FailuresTest {

    private static RuntimeException wrapped(Throwable cause) {
        return new IllegalStateException("SQL update failed", cause);
    }

    @Test
    void valuesTheDatabaseRefusesAndFieldsThatDoNotParseArePermanent() {
        assertThat(Failures.isPermanent(wrapped(new SQLException("value too long", "22001")))).isTrue();
        assertThat(Failures.isPermanent(wrapped(new SQLException("unsupported Unicode escape", "22P05")))).isTrue();
        assertThat(Failures.isPermanent(wrapped(new SQLException("null value in column", "23502")))).isTrue();
        assertThat(Failures.isPermanent(new RecordRejectedException("unknown need"))).isTrue();
        DateTimeParseException date = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> LocalDate.parse("31/12/2026"), DateTimeParseException.class);
        assertThat(Failures.isPermanent(date)).isTrue();
        assertThat(Failures.isPermanent(new NumberFormatException("abc"))).isTrue();
        // a constraint failing at commit is wrapped by the transaction manager: the SQL state still decides
        RollbackException rollback = new RollbackException("commit failed");
        rollback.initCause(new SQLException("duplicate", "23505"));
        assertThat(Failures.isPermanent(new RuntimeException(rollback))).isTrue();
    }

    @Test
    void theDatabaseAwayLocksAndTimeoutsAreTransient() {
        assertThat(Failures.isPermanent(wrapped(new PSQLException("Connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT)))).isFalse();
        assertThat(Failures.isPermanent(wrapped(new SQLException("Sorry, acquisition timeout!")))).isFalse();
        assertThat(Failures.isPermanent(wrapped(new SQLException("terminating connection", "57P01")))).isFalse();
        assertThat(Failures.isPermanent(wrapped(new SQLException("could not serialize", "40001")))).isFalse();
        assertThat(Failures.isPermanent(wrapped(new SQLException("relation does not exist", "42P01")))).isFalse();
        assertThat(Failures.isPermanent(new UncheckedIOException(new java.io.IOException("reset")))).isFalse();
        assertThat(Failures.isPermanent(new RuntimeException(new RollbackException("timed out")))).isFalse();
    }

    @Test
    void reasonsArePrintableAndBounded() {
        assertThat(Failures.printable("a\u0000b\tc\nd\u0007", 100)).isEqualTo("a\uFFFDb\tc\nd\uFFFD");
        assertThat(Failures.printable("x".repeat(5000), 2000)).hasSize(2000);
        assertThat(Failures.reason(wrapped(new RecordRejectedException("unknown need n-1")))).isEqualTo("unknown need n-1");
        assertThat(Failures.reason(wrapped(new SQLException("value too long", "22001"))))
                .isEqualTo("SQL update failed (SQLException: value too long)");
    }
}
