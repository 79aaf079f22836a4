-- Reading a partner's logged hours summed every one of its time entries, and both that sum and a mission's hours
-- looked for a correcting entry without an index (a scan of pool_time_entry per entry): the pool's refresh after
-- each time entry cost more as the programme went on. From here:
-- - a correction is found through an index on corrects_entry_id;
-- - a partner's hours per year are kept as running totals, in the transaction that applies each time entry
--   (PoolProjection), and only read back here. During a rolling upgrade, the entries that instances still on the
--   earlier version apply are not added, until a rebuild of the pool (POST /admin/pool/rebuild) sums them again.

CREATE INDEX pool_time_entry_corrects ON pool_time_entry (corrects_entry_id);

-- The hours a partner company's volunteers logged in a year, counting only the entries no correction replaced.
CREATE TABLE pool_partner_hours (
    partner_id VARCHAR(64)    NOT NULL,
    year       INTEGER        NOT NULL,
    hours      NUMERIC(14, 2) NOT NULL,
    PRIMARY KEY (partner_id, year)
);

INSERT INTO pool_partner_hours (partner_id, year, hours)
SELECT e.partner_id, CAST(EXTRACT(YEAR FROM e.entry_date) AS INTEGER), sum(e.hours)
FROM pool_time_entry e
WHERE e.partner_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM pool_time_entry c WHERE c.corrects_entry_id = e.entry_id)
GROUP BY 1, 2;
