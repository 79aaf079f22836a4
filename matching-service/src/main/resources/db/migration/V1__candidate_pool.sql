-- The candidate pool: what matching-service knows of needs, volunteers, partner companies and missions, built from
-- the topics alize.needs, alize.volunteers and alize.missions. Each row keeps the aggregate version of the last
-- event applied to each part of it, so that a late, older event never overwrites a newer state (events of one
-- aggregate are ordered on their topic, but a rebuild or a redelivery may still bring an older one after a newer
-- one, and topics are not ordered against each other). A version of -1 means "never set".

CREATE TABLE pool_need (
    need_id         VARCHAR(64) PRIMARY KEY,
    sme_id          VARCHAR(64),
    skills          TEXT        NOT NULL DEFAULT '[]',
    effort_days     NUMERIC(8, 2),
    window_start    DATE,
    window_end      DATE,
    commune_code    VARCHAR(10),
    published       BOOLEAN     NOT NULL DEFAULT FALSE,
    content_version BIGINT      NOT NULL DEFAULT -1,
    status          VARCHAR(16) NOT NULL DEFAULT 'OPEN',
    status_version  BIGINT      NOT NULL DEFAULT -1
);

CREATE TABLE pool_volunteer (
    volunteer_id    VARCHAR(64) PRIMARY KEY,
    partner_id      VARCHAR(64),
    skills          TEXT        NOT NULL DEFAULT '[]',
    days_per_month  NUMERIC(6, 2),
    absences        TEXT        NOT NULL DEFAULT '[]',
    commune_code    VARCHAR(10),
    max_travel_km   INTEGER,
    registered      BOOLEAN     NOT NULL DEFAULT FALSE,
    profile_version BIGINT      NOT NULL DEFAULT -1,
    status          VARCHAR(16) NOT NULL DEFAULT 'ACTIVE',
    status_version  BIGINT      NOT NULL DEFAULT -1
);

CREATE TABLE pool_partner_pledge (
    partner_id   VARCHAR(64) NOT NULL,
    pledge_year  INTEGER     NOT NULL,
    pledged_days NUMERIC(10, 2) NOT NULL,
    version      BIGINT      NOT NULL DEFAULT -1,
    PRIMARY KEY (partner_id, pledge_year)
);

CREATE TABLE pool_mission (
    mission_id    VARCHAR(64) PRIMARY KEY,
    need_id       VARCHAR(64),
    volunteer_id  VARCHAR(64),
    partner_id    VARCHAR(64),
    state         VARCHAR(16) NOT NULL,
    declined_by   VARCHAR(16),
    state_version BIGINT      NOT NULL DEFAULT -1
);
CREATE INDEX pool_mission_volunteer ON pool_mission (volunteer_id);

-- Every time entry; an entry named by another's corrects_entry_id no longer counts.
CREATE TABLE pool_time_entry (
    entry_id         VARCHAR(64) PRIMARY KEY,
    mission_id       VARCHAR(64)   NOT NULL,
    partner_id       VARCHAR(64),
    entry_date       DATE          NOT NULL,
    hours            NUMERIC(5, 2) NOT NULL,
    corrects_entry_id VARCHAR(64)
);
CREATE INDEX pool_time_entry_mission ON pool_time_entry (mission_id);
CREATE INDEX pool_time_entry_partner ON pool_time_entry (partner_id);
