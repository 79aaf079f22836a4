-- Mission events needs-service could not apply are now parked by the platform (table parked_record, from the
-- platform's migration V0_3) like every other record a consumer cannot apply. The rows parked before are moved there
-- with the CloudEvents headers they had (id, type, subject), so that they can be listed and replayed the same way;
-- their Kafka position was not kept, so they get partition -1 and an offset of their own below zero.
INSERT INTO parked_record (consumer, topic, kafka_partition, kafka_offset, kafka_timestamp, record_key, record_value,
                           headers, event_id, event_type, reason, parked_at, last_failed_at)
SELECT 'needs-from-missions', 'alize.missions', -1, -row_number() OVER (ORDER BY parked_at, event_id),
       (extract(epoch FROM parked_at) * 1000)::bigint, convert_to(mission_id, 'UTF8'), convert_to(payload, 'UTF8'),
       convert_to(jsonb_build_array(
           jsonb_build_object('key', 'ce_specversion', 'value', encode(convert_to('1.0', 'UTF8'), 'base64')),
           jsonb_build_object('key', 'ce_id', 'value', encode(convert_to(event_id, 'UTF8'), 'base64')),
           jsonb_build_object('key', 'ce_type', 'value', encode(convert_to(type, 'UTF8'), 'base64')),
           jsonb_build_object('key', 'ce_source', 'value', encode(convert_to('/alize/matching-service', 'UTF8'), 'base64')),
           jsonb_build_object('key', 'ce_subject', 'value', encode(convert_to(coalesce(mission_id, ''), 'UTF8'), 'base64')),
           jsonb_build_object('key', 'ce_time', 'value',
                              encode(convert_to(to_char(parked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'UTF8'), 'base64'))
       )::text, 'UTF8'),
       event_id, type, reason, parked_at, parked_at
FROM parked_mission_event;

DROP TABLE parked_mission_event;
