package fr.alize.domain;

/** A command that the aggregate's state forbids (a decided application decided again, a start after a refusal...). */
public final class RuleViolation extends RuntimeException {

    public RuleViolation(String detail) {
        super(detail);
    }
}
