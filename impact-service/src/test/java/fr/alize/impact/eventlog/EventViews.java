package fr.alize.impact.eventlog;

/**
 * Common table expressions over {@code events} (see {@link EventLog#query}) that several reports share, each to be
 * put after a comma in a report's SQL. They hold the counting rules in one place.
 */
public final class EventViews {

    /**
     * {@code job_reports(sme_id, kind, contract_type, jobs, report_date)}: one row per job report; a report sent again
     * with the same reportId counts once, with the values it was last sent with.
     */
    public static final String JOB_REPORTS = """
            , job_reports AS (
                SELECT sme_id, kind, contract_type, jobs, report_date FROM (
                    SELECT DISTINCT ON (data ->> 'reportId') data ->> 'smeId' AS sme_id, data ->> 'kind' AS kind,
                           data ->> 'contractType' AS contract_type, (data ->> 'count')::bigint AS jobs,
                           (data ->> 'date')::date AS report_date
                    FROM events WHERE type = 'JobsReported'
                    ORDER BY data ->> 'reportId', occurred_at DESC, recorded_at DESC) latest)
            """;

    /**
     * {@code time_entries(partner_id, hours, entry_date)}: logged time, corrections applied: an entry that another
     * entry corrects is replaced by it (chains of corrections keep only the last one).
     */
    public static final String TIME_ENTRIES = """
            , logged AS (
                SELECT DISTINCT ON (data ->> 'entryId') data ->> 'entryId' AS entry_id,
                       data ->> 'correctsEntryId' AS corrects, data ->> 'partnerId' AS partner_id,
                       (data ->> 'hours')::numeric AS hours, (data ->> 'date')::date AS entry_date
                FROM events WHERE type = 'TimeLogged' ORDER BY data ->> 'entryId', occurred_at DESC)
            , time_entries AS (
                SELECT partner_id, hours, entry_date FROM logged entry
                WHERE NOT EXISTS (SELECT 1 FROM logged correction WHERE correction.corrects = entry.entry_id))
            """;

    /** {@code mission_starts(sme_id, start_date)}: each mission start (a supported SME has one in the year). */
    public static final String MISSION_STARTS = """
            , mission_starts AS (
                SELECT DISTINCT ON (data ->> 'missionId') data ->> 'smeId' AS sme_id, (data ->> 'startDate')::date AS start_date
                FROM events WHERE type = 'MissionStarted' ORDER BY data ->> 'missionId', occurred_at)
            """;

    private EventViews() {
    }
}
