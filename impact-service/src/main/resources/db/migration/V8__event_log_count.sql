-- How many events each generation of the log holds, kept as they are stored (EventLog) and set when a rebuild
-- switches to a new generation (Rebuild), so that GET /events/status, which operators and the load harness poll,
-- reads one row instead of counting the whole log at every call. No figure depends on it. During a rolling upgrade,
-- the events that instances still on the earlier version store are not counted, until the next rebuild sets the count
-- again (POST /events/rebuild).
CREATE TABLE event_log_count (
    generation INT    PRIMARY KEY,
    events     BIGINT NOT NULL
);

DO $$
DECLARE
    generation INT := (SELECT current_generation FROM event_log_generation WHERE id = 1);
    stored BIGINT;
BEGIN
    EXECUTE format('SELECT count(*) FROM impact_event_g%s', generation) INTO stored;
    INSERT INTO event_log_count (generation, events) VALUES (generation, stored);
END $$;
