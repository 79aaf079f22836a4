package fr.alize.platform.errors;

import java.util.List;

/** 404: the thing asked for does not exist (or the caller may not know that it does). */
public class NotFoundException extends ProblemException {

    public NotFoundException(String detail) {
        super(404, "Not found", detail, List.of());
    }
}
