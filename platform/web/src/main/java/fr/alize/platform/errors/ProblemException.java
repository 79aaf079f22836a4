package fr.alize.platform.errors;

import java.util.List;

/**
 * A failure that the API reports as an RFC 9457 problem with the given status. Subclasses name the usual cases;
 * domain code throws them from aggregates and handlers without knowing about HTTP.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<FieldError> errors;

    public ProblemException(int status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
