package fr.alize.domain;

/**
 * A command the aggregate cannot decide on yet, because reference data it checks against has not arrived (the skill
 * taxonomy another service publishes, say). Not the caller's fault and not a refusal: the same command may succeed
 * once the data is there.
 */
public final class NotYetDecidable extends RuntimeException {

    public NotYetDecidable(String detail) {
        super(detail);
    }
}
