-- The published-needs count is now derived from the event log below.
DROP TABLE published_need;

-- Every event impact-service read from the needs, volunteers and missions topics, once, never updated.
-- Reports are derived from it; "as of" a time = only the rows recorded on their topic by then.
-- A rebuild fills a new generation (impact_event_g2, g3, ...) and switches the pointer below atomically.
CREATE TABLE event_log_generation (
    id                 INT PRIMARY KEY CHECK (id = 1),
    current_generation INT NOT NULL
);
INSERT INTO event_log_generation (id, current_generation) VALUES (1, 1);

CREATE TABLE impact_event_g1 (
    event_id          VARCHAR(255) PRIMARY KEY,
    type              VARCHAR(100) NOT NULL,
    subject           VARCHAR(255),
    occurred_at       TIMESTAMP WITH TIME ZONE NOT NULL,  -- ce_time: when it happened at the producer
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL,  -- the Kafka record's timestamp: when it was recorded on its topic
    stored_at         TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
    schema_version    INT NOT NULL,
    aggregate_version BIGINT NOT NULL,
    actor_role        VARCHAR(40),
    actor_id          VARCHAR(255),
    data              JSONB NOT NULL,
    topic             VARCHAR(255) NOT NULL,
    kafka_partition   INT NOT NULL,
    kafka_offset      BIGINT NOT NULL
);
CREATE INDEX impact_event_g1_type ON impact_event_g1 (type, recorded_at);
CREATE INDEX impact_event_g1_mission ON impact_event_g1 ((data ->> 'missionId'));
CREATE INDEX impact_event_g1_sme ON impact_event_g1 ((data ->> 'smeId'));
CREATE INDEX impact_event_g1_stored ON impact_event_g1 (stored_at);

-- Records of a type impact-service does not know: skipped, counted here (once per event id).
CREATE TABLE unknown_event_type (
    type        VARCHAR(255) NOT NULL,
    topic       VARCHAR(255) NOT NULL,
    occurrences BIGINT NOT NULL,
    last_seen   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (type, topic)
);

-- Annual targets as the CCI set them, every change kept so that a target can be read "as of" a time.
CREATE TABLE annual_target (
    year    INT NOT NULL,
    set_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    target  INT NOT NULL,
    set_by  VARCHAR(255),
    PRIMARY KEY (year, set_at)
);

-- The yearly figures last sent to the compacted topic alize.impact.yearly, to send only what changed.
CREATE TABLE yearly_figures_sent (
    year     INT PRIMARY KEY,
    figures  JSONB NOT NULL,
    sent_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
