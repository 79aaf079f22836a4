-- Read models kept by subscribing projections, in the same transaction as the events they follow.
CREATE TABLE partner (
    partner_id    VARCHAR(36)  PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    group_name    VARCHAR(200),
    site          VARCHAR(200) NOT NULL,
    commune_code  VARCHAR(5)   NOT NULL
);
CREATE UNIQUE INDEX partner_name_site ON partner (lower(name), lower(site));

CREATE TABLE partner_pledge (
    partner_id    VARCHAR(36)   NOT NULL REFERENCES partner (partner_id),
    year          INTEGER       NOT NULL,
    pledged_days  INTEGER       NOT NULL,
    daily_rate    NUMERIC(12,2) NOT NULL,
    PRIMARY KEY (partner_id, year)
);

CREATE TABLE volunteer (
    volunteer_id    VARCHAR(36) PRIMARY KEY,
    partner_id      VARCHAR(36) NOT NULL,
    status          VARCHAR(12) NOT NULL,
    skills          JSONB       NOT NULL,
    days_per_month  INTEGER     NOT NULL,
    absences        JSONB       NOT NULL,
    commune_code    VARCHAR(5)  NOT NULL,
    max_travel_km   INTEGER     NOT NULL,
    erased          BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX volunteer_partner ON volunteer (partner_id, status);
CREATE INDEX volunteer_skills ON volunteer USING gin (skills jsonb_path_ops);

-- Written by the application next to the commands (never in events).
-- The partner's own employee reference of each volunteer: the key of the HR integration.
CREATE TABLE volunteer_ref (
    partner_id    VARCHAR(36)  NOT NULL,
    employee_ref  VARCHAR(100) NOT NULL,
    volunteer_id  VARCHAR(36)  NOT NULL UNIQUE,
    PRIMARY KEY (partner_id, employee_ref)
);

-- Personal data: the only place a volunteer's name and contact live; erasure deletes the row.
CREATE TABLE volunteer_personal_data (
    volunteer_id  VARCHAR(36)  PRIMARY KEY,
    full_name     VARCHAR(200) NOT NULL,
    email         VARCHAR(254) NOT NULL,
    phone         VARCHAR(30)
);

-- Answers of HR integration calls made with an Idempotency-Key, replayed when the same key comes again.
CREATE TABLE idempotent_request (
    partner_id       VARCHAR(36)  NOT NULL,
    idempotency_key  VARCHAR(100) NOT NULL,
    request_hash     VARCHAR(64)  NOT NULL,
    status           INTEGER      NOT NULL,
    response         TEXT         NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    PRIMARY KEY (partner_id, idempotency_key)
);

-- Time logged on missions (from alize.missions), for partner contributions.
CREATE TABLE time_entry (
    entry_id           VARCHAR(36)  PRIMARY KEY,
    mission_id         VARCHAR(36)  NOT NULL,
    partner_id         VARCHAR(36)  NOT NULL,
    volunteer_id       VARCHAR(36)  NOT NULL,
    work_date          DATE         NOT NULL,
    hours              NUMERIC(5,2) NOT NULL,
    corrects_entry_id  VARCHAR(36)
);
CREATE INDEX time_entry_partner ON time_entry (partner_id, work_date);
CREATE INDEX time_entry_corrects ON time_entry (corrects_entry_id);
