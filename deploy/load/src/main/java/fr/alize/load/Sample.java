package fr.alize.load;

import java.util.Arrays;

/** Latencies of one phase, in nanoseconds, and what they give: percentiles by the nearest-rank method. */
record Sample(long[] sortedNanos, int errors, double seconds) {

    static Sample of(long[] nanos, int errors, double seconds) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Sample(sorted, errors, seconds);
    }

    int count() {
        return sortedNanos.length;
    }

    /** The value below or at which {@code p} (0 to 1) of the latencies lie, in milliseconds; NaN without any. */
    double percentileMillis(double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }

    double maxMillis() {
        return sortedNanos.length == 0 ? Double.NaN : sortedNanos[sortedNanos.length - 1] / 1e6;
    }

    /** Successful answers a second. */
    double perSecond() {
        return seconds <= 0 ? 0 : count() / seconds;
    }
}
