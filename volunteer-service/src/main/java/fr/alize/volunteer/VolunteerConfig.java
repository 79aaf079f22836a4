package fr.alize.volunteer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * volunteer-service's settings, under {@code volunteer.}, validated at start: a wrong one stops the start with the
 * setting named.
 */
@ConfigMapping(prefix = "volunteer")
public interface VolunteerConfig {

    /** Hours of logged time in one skill-day, for a partner's contribution. */
    @WithDefault("7")
    @DecimalMin(value = "0", inclusive = false)
    BigDecimal hoursPerDay();

    /** The classpath resource holding the skill taxonomy. */
    @WithDefault("skill-taxonomy.json")
    @NotBlank
    String skillTaxonomy();

    /** Volunteers of an HR bulk upload written per statement. */
    @WithDefault("250")
    @Min(1)
    @Max(10_000)
    int bulkChunkSize();

    /**
     * HR bulk requests (uploads and offboardings) one instance applies at once; the others wait their turn. Each holds
     * its parsed rows, commands and events in memory, so this bounds the heap they take whatever the clients do.
     */
    @WithDefault("2")
    @Min(1)
    @Max(64)
    int bulkConcurrency();

    /** How long a bulk request waits for its turn before it is answered 503 with {@code Retry-After}. */
    @WithDefault("PT30S")
    Duration bulkQueueTimeout();

    Idempotency idempotency();

    EmployeeRef employeeRef();

    interface Idempotency {
        /** How long an {@code Idempotency-Key} is remembered after its first use. */
        @WithDefault("PT24H")
        Duration expiry();

        /** After this, a key whose first request never finished is free again. */
        @WithDefault("PT5M")
        Duration inFlightTimeout();
    }

    interface EmployeeRef {
        /** The file holding the key that hashes employee references (read at start; see EmployeeRefHash). */
        @NotBlank
        String keyLocation();
    }
}
