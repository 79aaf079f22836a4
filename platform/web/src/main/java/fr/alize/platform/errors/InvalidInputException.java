package fr.alize.platform.errors;

import java.util.List;

/** 400: the request is well-formed but a field breaks a rule that only the domain can check. */
public class InvalidInputException extends ProblemException {

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public InvalidInputException(List<FieldError> errors) {
        super(400, "Invalid request", errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid", errors);
    }
}
