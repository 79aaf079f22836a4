package fr.alize.matching;

import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The settings are checked as the service starts: a wrong one is refused, by name. */
class MatchingConfigTest {

    static final Map<String, String> WEIGHTS = Map.of("matching.weights.skills", "0.4", "matching.weights.availability", "0.2",
            "matching.weights.proximity", "0.15", "matching.weights.load", "0.15", "matching.weights.spread", "0.1");

    static SmallRyeConfig load(Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>(WEIGHTS);
        properties.putAll(overrides);
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        return new SmallRyeConfigBuilder().withMapping(MatchingConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withValidator((BeanValidationConfigValidator) () -> validator).build();
    }

    @Test
    void theDefaultsHoldWhereOnlyTheWeightsAreGiven() {
        MatchingConfig config = load(Map.of()).getConfigMapping(MatchingConfig.class);

        assertThat(config.hoursPerDay()).isEqualTo(7);
        assertThat(config.defaultLimit()).isEqualTo(10);
        assertThat(config.autoPropose()).isFalse();
        assertThat(config.weights().skills()).isEqualTo(0.4);
    }

    @Test
    void aNegativeWeightNoHoursInADayOrALimitOutOfRangeIsRefusedByName() {
        assertThatThrownBy(() -> load(Map.of("matching.weights.load", "-0.1")))
                .isInstanceOf(ConfigValidationException.class).hasMessageContaining("matching.weights.load");
        assertThatThrownBy(() -> load(Map.of("matching.hours-per-day", "0")))
                .isInstanceOf(ConfigValidationException.class).hasMessageContaining("matching.hours-per-day");
        assertThatThrownBy(() -> load(Map.of("matching.default-limit", "500")))
                .isInstanceOf(ConfigValidationException.class).hasMessageContaining("matching.default-limit");
    }
}
