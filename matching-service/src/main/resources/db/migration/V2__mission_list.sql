-- The list of missions behind GET /missions: one row per mission, written by a subscribing event processor in the
-- transaction that appends the mission's events (so it never lags the event store). Rows are listed in the order
-- of proposal (position), which never changes, so paging is stable.
CREATE TABLE mission_list (
    mission_id   VARCHAR(64)  PRIMARY KEY,
    need_id      VARCHAR(64)  NOT NULL,
    sme_id       VARCHAR(64)  NOT NULL,
    volunteer_id VARCHAR(64)  NOT NULL,
    partner_id   VARCHAR(64)  NOT NULL,
    state        VARCHAR(16)  NOT NULL,
    proposed_by  VARCHAR(8)   NOT NULL,
    score        DOUBLE PRECISION,
    sme_accepted       BOOLEAN NOT NULL DEFAULT FALSE,
    volunteer_accepted BOOLEAN NOT NULL DEFAULT FALSE,
    employer_accepted  BOOLEAN NOT NULL DEFAULT FALSE,
    start_date   DATE,
    completed_on DATE,
    proposed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    position     BIGSERIAL    NOT NULL UNIQUE
);
CREATE INDEX mission_list_need ON mission_list (need_id, position);
CREATE INDEX mission_list_sme ON mission_list (sme_id, position);
CREATE INDEX mission_list_volunteer ON mission_list (volunteer_id, position);
CREATE INDEX mission_list_partner ON mission_list (partner_id, position);
