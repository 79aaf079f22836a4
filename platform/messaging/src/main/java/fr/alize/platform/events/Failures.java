package fr.alize.platform.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure that waiting can cure (the database or the broker away, a lock, a transaction that timed out) from
 * one that the record itself causes and that will happen again on every try. The first is retried, the second parked.
 * <p>
 * The whole cause chain is read: a rejection or an SQL failure in it decides first, wherever it is (a commit that
 * fails on a constraint is wrapped by the transaction manager), then the kind of the other failures:
 * <ul>
 *   <li>{@link RecordRejectedException}: permanent (the projection said so);</li>
 *   <li>{@link SQLException}: permanent for SQLSTATE classes 22 (data exception: a value PostgreSQL refuses, such as
 *       U+0000 in {@code jsonb}, a string too long, a number out of range) and 23 (integrity constraint:
 *       a required value missing); any other state (connection, resources, serialization, lock, operator
 *       intervention, a statement our own code got wrong) or none (the pool could not get a connection) is
 *       transient;</li>
 *   <li>I/O, transaction-manager, time-out, interruption and optimistic-concurrency failures (Axon's
 *       {@code ConcurrencyException}, named so that consumers without Axon need none of it): transient;</li>
 *   <li>anything else (a field that does not parse, a missing value, a type that does not fit): permanent, because
 *       the same record through the same code fails the same way.</li>
 * </ul>
 */
public final class Failures {

    private static final String AXON_CONCURRENCY = "org.axonframework.modelling.command.ConcurrencyException";

    private Failures() {
    }

    public static boolean isPermanent(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof RecordRejectedException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                return !(t instanceof SQLTransientException) && state != null
                        && (state.startsWith("22") || state.startsWith("23"));
            }
        }
        for (Throwable t : chain(failure)) {
            String name = t.getClass().getName();
            if (t instanceof IOException || t instanceof UncheckedIOException || t instanceof TimeoutException
                    || t instanceof InterruptedException || isA(t.getClass(), AXON_CONCURRENCY)
                    || name.startsWith("jakarta.transaction.") || name.startsWith("com.arjuna.")) {
                return false;
            }
        }
        return true;
    }

    private static boolean isA(Class<?> type, String className) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    /** A short reason for a person: the innermost message, control characters replaced, at most 2,000 characters. */
    public static String reason(Throwable failure) {
        List<Throwable> chain = chain(failure);
        Throwable root = chain.get(chain.size() - 1);
        Throwable rejection = chain.stream().filter(RecordRejectedException.class::isInstance).findFirst().orElse(null);
        String text = rejection != null ? rejection.getMessage()
                : failure == root ? String.valueOf(failure.getMessage())
                : failure.getMessage() + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        return printable(text, 2000);
    }

    /** The text with every control character but tab and newline shown as U+FFFD, cut to at most {@code max}. */
    public static String printable(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max));
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) && c != '\t' && c != '\n' ? '\uFFFD' : c);
        }
        return out.toString();
    }
}
