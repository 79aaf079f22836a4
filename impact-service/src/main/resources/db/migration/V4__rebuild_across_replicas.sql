-- The rebuild's row now stays after the switch and tells every instance the state of the last rebuild: who runs it
-- (owner, and holder_pid: the PostgreSQL backend that holds the rebuild's advisory lock), when it last made progress,
-- how it ended. A RUNNING row whose lock no session holds was left by an instance that is gone: INTERRUPTED.
ALTER TABLE event_log_rebuild
    ADD COLUMN state        VARCHAR(20) NOT NULL DEFAULT 'RUNNING',
    ADD COLUMN owner        VARCHAR(255),
    ADD COLUMN holder_pid   INT,
    ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE,
    ADD COLUMN finished_at  TIMESTAMP WITH TIME ZONE,
    ADD COLUMN problem      TEXT,
    ADD COLUMN resumed      BOOLEAN NOT NULL DEFAULT FALSE,
    ALTER COLUMN to_generation DROP NOT NULL,     -- null until the new table exists
    ALTER COLUMN copy_started_at DROP NOT NULL;   -- null until the end offsets are read

-- Bumped in the same transaction as anything that may change the yearly figures (events stored, a target set, a
-- rebuild switched), by any instance: the publisher of the yearly figures looks here for changes.
CREATE TABLE figures_change (
    id      INT PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO figures_change (id, version) VALUES (1, 0);
