-- One row per published need, as seen on the needs topic.
CREATE TABLE published_need (
    need_id       VARCHAR(64)  PRIMARY KEY,
    sme_id        VARCHAR(64)  NOT NULL,
    category      VARCHAR(40)  NOT NULL,
    published_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    event_id      VARCHAR(255) NOT NULL
);
