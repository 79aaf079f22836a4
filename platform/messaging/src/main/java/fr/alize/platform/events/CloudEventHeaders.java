package fr.alize.platform.events;

/**
 * Kafka header names of our records: CloudEvents 1.0 in binary content mode (the record value is the event's JSON
 * data) plus a few extension attributes. Written down in docs/events.md.
 */
public final class CloudEventHeaders {
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";
    /** Extension: the schema version of the event type, from 1 (its {@code fr.alize.contracts.EventType}). */
    public static final String SCHEMA_VERSION = "ce_schemaversion";
    /** Extension: the type of the aggregate that emitted the event. */
    public static final String AGGREGATE_TYPE = "ce_aggregatetype";
    /** Extension: the aggregate's version (sequence number) after this event, from 0. */
    public static final String AGGREGATE_VERSION = "ce_aggregateversion";
    /** Extensions: role and pseudonymous id of whoever caused the event, when known. */
    public static final String ACTOR_ROLE = "ce_actorrole";
    public static final String ACTOR_ID = "ce_actorid";

    public static final String SPEC_VERSION_VALUE = "1.0";

    private CloudEventHeaders() {
    }
}
