package fr.alize.volunteer;

import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The settings are checked as the service starts: a wrong one is refused, by name. */
class VolunteerConfigTest {

    static SmallRyeConfig load(Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>(Map.of("volunteer.employee-ref.key-location", "/etc/alize/key"));
        properties.putAll(overrides);
        properties.values().removeIf(String::isEmpty); // "" stands for a setting left out
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        return new SmallRyeConfigBuilder().withMapping(VolunteerConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withValidator((BeanValidationConfigValidator) () -> validator).build();
    }

    @Test
    void theDefaultsHoldWhereOnlyTheKeyIsGiven() {
        VolunteerConfig config = load(Map.of()).getConfigMapping(VolunteerConfig.class);

        assertThat(config.hoursPerDay()).isEqualByComparingTo(BigDecimal.valueOf(7));
        assertThat(config.bulkChunkSize()).isEqualTo(250);
        assertThat(config.idempotency().expiry()).isEqualTo(Duration.ofHours(24));
        assertThat(config.idempotency().inFlightTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.skillTaxonomy()).isEqualTo("skill-taxonomy.json");
    }

    @Test
    void noHoursInADayAChunkOfNothingOrAMissingKeyFileIsRefusedByName() {
        assertThatThrownBy(() -> load(Map.of("volunteer.hours-per-day", "0")))
                .isInstanceOf(ConfigValidationException.class).hasMessageContaining("volunteer.hours-per-day");
        assertThatThrownBy(() -> load(Map.of("volunteer.bulk-chunk-size", "0")))
                .isInstanceOf(ConfigValidationException.class).hasMessageContaining("volunteer.bulk-chunk-size");
        assertThatThrownBy(() -> load(Map.of("volunteer.employee-ref.key-location", "")))
                .isInstanceOf(ConfigValidationException.class).hasMessageContaining("volunteer.employee-ref.key-location");
    }
}
