-- The rebuild in progress, committed with each batch it copies, so that a rebuild stopped midway (a crash, a restart
-- of the replica, a lost connection) resumes where it stopped instead of starting over. Deleted by the switch-over.
CREATE TABLE event_log_rebuild (
    id              INT PRIMARY KEY CHECK (id = 1),
    from_generation INT NOT NULL,                        -- the generation serving when the rebuild began
    to_generation   INT NOT NULL,                        -- the table being filled
    copy_started_at TIMESTAMP WITH TIME ZONE NOT NULL,   -- live events stored since then are copied at the switch
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    total           BIGINT NOT NULL,                     -- records to read, from offset zero to the end at the start
    records_read    BIGINT NOT NULL,
    stored          BIGINT NOT NULL,
    skipped         BIGINT NOT NULL
);

-- Per partition: the next offset to copy, and the end offset the rebuild reads up to (the end when it began).
CREATE TABLE event_log_rebuild_position (
    topic           VARCHAR(255) NOT NULL,
    kafka_partition INT NOT NULL,
    next_offset     BIGINT NOT NULL,
    end_offset      BIGINT NOT NULL,
    PRIMARY KEY (topic, kafka_partition)
);
