package fr.alize.volunteer.volunteer;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.alize.platform.errors.FieldError;

import java.util.List;

/** What became of one row of a bulk request ({@code row} counts from 1, in request order). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RowResult(int row, String employeeRef, Outcome outcome, String volunteerId, List<FieldError> errors) {

    public enum Outcome { CREATED, UPDATED, UNCHANGED, OFFBOARDED, REJECTED }

    public static RowResult of(int row, String employeeRef, Outcome outcome, String volunteerId) {
        return new RowResult(row, employeeRef, outcome, volunteerId, List.of());
    }

    public static RowResult rejected(int row, String employeeRef, List<FieldError> errors) {
        return new RowResult(row, employeeRef, Outcome.REJECTED, null, errors);
    }

    public static RowResult rejected(int row, String employeeRef, String field, String message) {
        return rejected(row, employeeRef, List.of(new FieldError(field, message)));
    }
}
