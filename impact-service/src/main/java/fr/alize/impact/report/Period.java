package fr.alize.impact.report;

import fr.alize.platform.errors.FieldError;
import fr.alize.platform.errors.InvalidInputException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** A period of days asked as {@code from} and {@code to} (both included), checked: 400 naming each field at fault. */
public record Period(LocalDate from, LocalDate to) {

    public static Period of(String from, String to) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate start = date("from", from, errors);
        LocalDate end = date("to", to, errors);
        if (errors.isEmpty() && end.isBefore(start)) {
            errors.add(new FieldError("to", "must not be before from"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Period(start, end);
    }

    private static LocalDate date(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required (YYYY-MM-DD)"));
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date YYYY-MM-DD"));
            return null;
        }
    }
}
