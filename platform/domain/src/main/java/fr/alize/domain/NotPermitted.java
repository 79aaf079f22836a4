package fr.alize.domain;

/** A command sent on behalf of someone the aggregate does not let do it (another SME's need, another partner's volunteer). */
public final class NotPermitted extends RuntimeException {

    public NotPermitted() {
        super("You are not allowed to do this.");
    }
}
