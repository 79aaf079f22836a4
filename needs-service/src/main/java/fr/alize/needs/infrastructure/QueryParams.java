package fr.alize.needs.infrastructure;

import fr.alize.platform.errors.InvalidInputException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Query parameters read by hand, so that a bad value is a 400 naming the parameter (JAX-RS would answer 404). */
public final class QueryParams {

    private QueryParams() {
    }

    /** The enum constant named {@code value} (any case), or null when the parameter is absent. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
