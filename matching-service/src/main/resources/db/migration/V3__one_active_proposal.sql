-- At most one active mission (proposed, started or completed) per need and volunteer, across every instance of the
-- service. The row is written by the mission list's subscribing processor in the transaction that appends
-- MissionProposed, so a second proposal of the same volunteer for the same need fails on this index and nothing of
-- it is stored; a decline or a cancellation moves the row out of the index, and the volunteer may be proposed again
-- (when the ranking rules allow it).
CREATE UNIQUE INDEX mission_list_one_active_proposal ON mission_list (need_id, volunteer_id)
    WHERE state NOT IN ('DECLINED', 'CANCELLED');
