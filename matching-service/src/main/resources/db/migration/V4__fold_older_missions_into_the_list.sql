-- Missions proposed before V2 created mission_list are folded into it once, here, from their events in the event
-- store (until this migration, the service did it on the first read after every start, on every instance). The fold
-- is MissionView's: the proposal gives the parties, the last of proposed/declined/started/completed/cancelled gives
-- the state, each acceptance sets its party, the last start and completion give their dates, and time entries do not
-- count as an update (as in MissionListProjection). Payloads are the JSON
-- of Axon's JacksonSerializer. The final state is computed before the row is written, so a declined mission and a
-- later proposal of the same volunteer for the same need do not clash on mission_list_one_active_proposal (V3).
-- Missions already listed are left as they are, so the migration writes nothing on a database that needs none.
WITH event AS (
    SELECT e.aggregate_identifier AS mission_id, e.global_index, e.time_stamp::timestamptz AS at,
           substring(e.payload_type FROM length('fr.alize.matching.mission.MissionEvents') + 2) AS type,
           convert_from(e.payload, 'UTF8')::jsonb AS body
    FROM domain_event_entry e
    WHERE e.payload_type LIKE 'fr.alize.matching.mission.MissionEvents_%'
      AND NOT EXISTS (SELECT 1 FROM mission_list l WHERE l.mission_id = e.aggregate_identifier)
), mission AS (
    SELECT mission_id,
           min(global_index) AS first_event,
           max(at) FILTER (WHERE type <> 'TimeLogged') AS updated_at,
           min(at) FILTER (WHERE type = 'MissionProposed') AS proposed_at,
           (array_agg(body ORDER BY global_index) FILTER (WHERE type = 'MissionProposed'))[1] AS proposal,
           (array_agg(CASE type WHEN 'MissionProposed' THEN 'PROPOSED' WHEN 'MissionDeclined' THEN 'DECLINED'
                                WHEN 'MissionStarted' THEN 'STARTED' WHEN 'MissionCompleted' THEN 'COMPLETED'
                                ELSE 'CANCELLED' END ORDER BY global_index DESC)
               FILTER (WHERE type IN ('MissionProposed', 'MissionDeclined', 'MissionStarted', 'MissionCompleted',
                                      'MissionCancelled')))[1] AS state,
           coalesce(bool_or(type = 'MissionAccepted' AND body ->> 'party' = 'SME'), FALSE) AS sme_accepted,
           coalesce(bool_or(type = 'MissionAccepted' AND body ->> 'party' = 'VOLUNTEER'), FALSE) AS volunteer_accepted,
           coalesce(bool_or(type = 'MissionAccepted' AND body ->> 'party' = 'EMPLOYER'), FALSE) AS employer_accepted,
           (array_agg(body ->> 'startDate' ORDER BY global_index DESC) FILTER (WHERE type = 'MissionStarted'))[1] AS start_date,
           (array_agg(body ->> 'completedOn' ORDER BY global_index DESC) FILTER (WHERE type = 'MissionCompleted'))[1] AS completed_on
    FROM event
    GROUP BY mission_id
)
INSERT INTO mission_list (mission_id, need_id, sme_id, volunteer_id, partner_id, state, proposed_by, score,
                          sme_accepted, volunteer_accepted, employer_accepted, start_date, completed_on,
                          proposed_at, updated_at)
SELECT mission_id, proposal ->> 'needId', proposal ->> 'smeId', proposal ->> 'volunteerId', proposal ->> 'partnerId',
       state, proposal ->> 'proposedBy', (proposal ->> 'score')::double precision,
       sme_accepted, volunteer_accepted, employer_accepted, start_date::date, completed_on::date, proposed_at, updated_at
FROM mission
WHERE proposal IS NOT NULL
ORDER BY first_event;
