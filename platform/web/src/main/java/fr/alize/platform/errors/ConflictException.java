package fr.alize.platform.errors;

import java.util.List;

/** 409: the request clashes with the current state (a duplicate, or a transition the state does not allow). */
public class ConflictException extends ProblemException {

    public ConflictException(String detail) {
        super(409, "Conflict", detail, List.of());
    }
}
