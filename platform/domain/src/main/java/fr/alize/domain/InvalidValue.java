package fr.alize.domain;

import java.util.List;

/** Values of a command that the aggregate refuses, each named by the command's field. */
public final class InvalidValue extends RuntimeException {

    /** One refused value: the field and why. */
    public record Violation(String field, String reason) {
    }

    private final List<Violation> violations;

    public InvalidValue(String field, String reason) {
        this(List.of(new Violation(field, reason)));
    }

    public InvalidValue(List<Violation> violations) {
        super(violations.size() == 1 ? violations.get(0).field() + ": " + violations.get(0).reason()
                : violations.size() + " fields are invalid");
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
