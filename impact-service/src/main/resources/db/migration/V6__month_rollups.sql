-- The day series of the read model (mission starts, SMEs' start days, jobs per report day) gained month rollups
-- (Figure.months()), so that totals over a long period read a row per month. A read model built before them has no
-- such rows: marked incomplete when its log holds events, so that the service builds it again by a rebuild
-- (docs/impact-service.md, "Figures"), as it does for a log older than the read model.
DO $$
DECLARE
    generation INT := (SELECT current_generation FROM event_log_generation WHERE id = 1);
    has_events BOOLEAN;
BEGIN
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM impact_event_g%s)', generation) INTO has_events;
    IF has_events THEN
        UPDATE event_log_generation SET figures_complete = FALSE WHERE id = 1;
    END IF;
END $$;
