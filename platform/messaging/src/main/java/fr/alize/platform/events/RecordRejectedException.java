package fr.alize.platform.events;

/**
 * Thrown by a projection for a record it can never apply as it is (an event about something this service does not
 * know, a state the record does not fit, a field that breaks the contract). The consumer parks the record with the
 * message as its reason and moves on; it is not retried.
 */
public class RecordRejectedException extends RuntimeException {

    public RecordRejectedException(String reason) {
        super(reason);
    }
}
