package fr.alize.impact.figures;

import java.math.BigDecimal;

/** The three measures of a figure row (what each means depends on the {@link Figure}). */
public record Measures(BigDecimal v1, BigDecimal v2, long n) {

    public static final Measures ZERO = new Measures(BigDecimal.ZERO, BigDecimal.ZERO, 0);

    public static Measures count(long n) {
        return new Measures(BigDecimal.ZERO, BigDecimal.ZERO, n);
    }

    public Measures plus(Measures other) {
        return new Measures(v1.add(other.v1), v2.add(other.v2), n + other.n);
    }

    public Measures minus(Measures other) {
        return new Measures(v1.subtract(other.v1), v2.subtract(other.v2), n - other.n);
    }

    public boolean isZero() {
        return n == 0 && v1.signum() == 0 && v2.signum() == 0;
    }
}
