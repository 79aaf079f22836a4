-- The read model reads back the events of the SMEs and missions a poll is about, by subject AND type
-- (Projector.eventsOf). With one index per subject, a cached generic plan ANDed it with the type index, whose
-- TimeLogged entries are most of the log: every poll then read a large part of that index, and the cost of a small
-- poll grew with history. One index per subject and type answers both conditions in one probe, and still serves the
-- reads by subject alone (the history endpoints). A rebuild copies these definitions to its new generation.
DO $$
DECLARE
    g INT := (SELECT current_generation FROM event_log_generation WHERE id = 1);
BEGIN
    EXECUTE format('CREATE INDEX IF NOT EXISTS impact_event_g%1$s_sme_type ON impact_event_g%1$s ((data ->> ''smeId''), type)', g);
    EXECUTE format('CREATE INDEX IF NOT EXISTS impact_event_g%1$s_mission_type ON impact_event_g%1$s ((data ->> ''missionId''), type)', g);
    EXECUTE format('DROP INDEX IF EXISTS impact_event_g%1$s_sme', g);
    EXECUTE format('DROP INDEX IF EXISTS impact_event_g%1$s_mission', g);
END $$;
