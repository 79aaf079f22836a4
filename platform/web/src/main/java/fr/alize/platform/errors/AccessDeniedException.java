package fr.alize.platform.errors;

import java.util.List;

/**
 * 403: the caller may not act on this resource. Thrown alike whether the resource belongs to another tenant or does
 * not exist, so that a caller learns nothing about other tenants.
 */
public class AccessDeniedException extends ProblemException {

    public AccessDeniedException() {
        super(403, "Forbidden", "You are not allowed to do this.", List.of());
    }
}
