-- The read model behind the reports (docs/impact-service.md, "Figures"): per generation of the event log, a table of
-- series (figure, year, key), each holding its value from every recording instant at which it changed on, and the
-- list of the series. Kept up to date in the transaction that stores each event; built in bulk by a rebuild.
-- figures_complete tells whether the current generation's read model covers its whole log: false on a database
-- whose log already held events before this migration; the service then starts a rebuild, which builds it.
ALTER TABLE event_log_generation ADD COLUMN figures_complete BOOLEAN NOT NULL DEFAULT TRUE;

DO $$
DECLARE
    generation INT := (SELECT current_generation FROM event_log_generation WHERE id = 1);
    has_events BOOLEAN;
BEGIN
    EXECUTE format('CREATE TABLE impact_figure_g%s (
        figure      VARCHAR(16) NOT NULL,
        year        INT NOT NULL,
        key         VARCHAR(128) NOT NULL,
        recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
        v1          NUMERIC NOT NULL,
        v2          NUMERIC NOT NULL,
        n           BIGINT NOT NULL,
        PRIMARY KEY (figure, year, key, recorded_at))', generation);
    EXECUTE format('CREATE TABLE impact_figure_key_g%s (
        figure VARCHAR(16) NOT NULL,
        year   INT NOT NULL,
        key    VARCHAR(128) NOT NULL,
        PRIMARY KEY (figure, year, key))', generation);
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM impact_event_g%s)', generation) INTO has_events;
    UPDATE event_log_generation SET figures_complete = NOT has_events WHERE id = 1;
END $$;
