package fr.alize.platform.axon;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.inject.Singleton;

/**
 * Drops the client-side percentiles that {@code axon-micrometer}'s message timers compute on every message (six
 * quantiles over a ten-minute window, on four timers per bus and processor), which cost about 5 % of a service's CPU
 * per command under load and cannot be turned off through {@code GlobalMetricRegistry}. The timers keep their count,
 * total and max, so the mean latency stays ({@code _sum / _count}); nothing charts the quantiles.
 * <p>
 * Quarkus applies every {@link MeterFilter} bean to the registries it creates.
 */
@Singleton
public class AxonTimerPercentiles implements MeterFilter {

    /** The suffixes {@code MessageTimerMonitor} appends to its meters' names. */
    private static final String[] TIMERS = {"allTimer", "successTimer", "failureTimer", "ignoredTimer"};

    private static final DistributionStatisticConfig NO_PERCENTILES = DistributionStatisticConfig.builder()
            .percentiles()
            .percentilesHistogram(false)
            .build();

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        return isAxonTimer(id.getName()) ? NO_PERCENTILES.merge(config) : config;
    }

    static boolean isAxonTimer(String name) {
        for (String timer : TIMERS) {
            if (name.endsWith("." + timer)) {
                return true;
            }
        }
        return false;
    }
}
