-- Records a consumer can never apply as they are (not an event, a value the database refuses, a field that does not
-- parse, a domain rule the record breaks): kept whole, with the reason, so that the consumer moves on and a person
-- can look at them and replay them once the cause is fixed. Key, value and headers are kept as bytes, exactly as read
-- (a NUL or an invalid byte sequence cannot be stored as text). One row per consumer and Kafka position: a record
-- read again after a rebalance is parked once.
CREATE TABLE parked_record (
    id               BIGSERIAL PRIMARY KEY,
    consumer         VARCHAR(100) NOT NULL,
    topic            VARCHAR(255) NOT NULL,
    kafka_partition  INT NOT NULL,
    kafka_offset     BIGINT NOT NULL,
    kafka_timestamp  BIGINT NOT NULL,
    record_key       BYTEA,
    record_value     BYTEA,
    headers          BYTEA NOT NULL,               -- JSON: [{"key": "...", "value": "<base64>"}]
    event_id         VARCHAR(255),                 -- ce_id and ce_type for reading, control characters replaced
    event_type       VARCHAR(255),
    reason           VARCHAR(2000) NOT NULL,
    attempts         INT NOT NULL DEFAULT 1,
    parked_at        TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
    last_failed_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
    replayed_at      TIMESTAMP WITH TIME ZONE,
    replay_outcome   VARCHAR(20),
    replayed_value   BYTEA,
    UNIQUE (consumer, topic, kafka_partition, kafka_offset)
);
CREATE INDEX parked_record_open ON parked_record (parked_at) WHERE replayed_at IS NULL;
