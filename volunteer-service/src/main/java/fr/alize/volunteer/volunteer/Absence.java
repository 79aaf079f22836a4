package fr.alize.volunteer.volunteer;

import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** A period, both days included, when the volunteer is not available. */
public record Absence(@NotNull LocalDate from, @NotNull LocalDate to) {
}
