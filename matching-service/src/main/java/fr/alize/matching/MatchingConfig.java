package fr.alize.matching;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

/**
 * matching-service's settings, under {@code matching.}, validated at start: a service with a negative weight or no
 * hours in a day refuses to start and says which setting is wrong.
 */
@ConfigMapping(prefix = "matching")
public interface MatchingConfig {

    /** The ranking's weights: each part's share of a candidate's score (0 to 1 each). */
    Weights weights();

    /** Hours of one day of availability, to turn hours offered into days. */
    @WithDefault("7")
    @Positive
    double hoursPerDay();

    /** Candidates listed when a request does not say how many. */
    @WithDefault("10")
    @Min(1)
    @Max(100)
    int defaultLimit();

    /** Whether the best candidate of each newly published need is proposed automatically. */
    @WithDefault("false")
    boolean autoPropose();

    interface Weights {
        @DecimalMin("0")
        double skills();

        @DecimalMin("0")
        double availability();

        @DecimalMin("0")
        double proximity();

        @DecimalMin("0")
        double load();

        @DecimalMin("0")
        double spread();
    }
}
