package fr.alize.platform.errors;

import java.util.List;

/** 503: the service is up but cannot serve yet (still reaching its database at start-up). */
public class ServiceUnavailableException extends ProblemException {

    public ServiceUnavailableException(String detail) {
        super(503, "Service unavailable", detail, List.of());
    }
}
