package fr.alize.impact.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.OptionalInt;

/** impact-service's settings, under {@code alize.impact.}. */
@ConfigMapping(prefix = "alize.impact")
public interface ImpactConfig {

    /** Hours of logged time that make one skill-day. */
    @WithDefault("7")
    BigDecimal hoursPerSkillDay();

    /** SMEs to support in a year for which the CCI set no target. */
    @WithDefault("15")
    int defaultTarget();

    Yearly yearly();

    RebuildSettings rebuild();

    interface RebuildSettings {
        /** Records read, written (COPY) and checkpointed together by a rebuild. */
        @WithDefault("5000")
        int batchSize();

        /**
         * Copies that run side by side, each over its own partitions, with its own Kafka consumer and database
         * connection; the indexes are then built as many at a time. Default: one per processor of this machine.
         */
        OptionalInt streams();

        /** PostgreSQL's {@code maintenance_work_mem} for the rebuild's index builds (each build uses up to this). */
        @WithDefault("256MB")
        String indexMemory();
    }

    interface Yearly {
        /** The compacted topic of yearly figures. */
        @WithDefault("alize.impact.yearly")
        String topic();

        /** How often changed figures are looked for. */
        @WithDefault("PT1S")
        Duration interval();
    }
}
