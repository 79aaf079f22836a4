package fr.alize.impact.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.time.Duration;

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
