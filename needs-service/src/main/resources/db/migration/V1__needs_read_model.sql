-- Read model of needs-service. Written by a subscribing event processor in the same transaction as the events
-- (so a command that succeeded is visible at once), plus the SIRET reservations and the SMEs' contact persons.

-- One row per SIRET ever applied with: inserted in the same JTA transaction as SmeApplied, so two applications
-- with the same SIRET cannot both commit, even at the same instant.
CREATE TABLE sme_siret (
    siret        CHAR(14)     PRIMARY KEY,
    sme_id       VARCHAR(36)  NOT NULL UNIQUE,
    reserved_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);

CREATE TABLE sme (
    sme_id              VARCHAR(36)  PRIMARY KEY,
    siret               CHAR(14)     NOT NULL UNIQUE,
    name                VARCHAR(200) NOT NULL,
    naf_code            VARCHAR(6)   NOT NULL,
    commune_code        VARCHAR(5)   NOT NULL,
    baseline_headcount  INTEGER      NOT NULL,
    headcount           INTEGER      NOT NULL,
    hiring_plan_jobs    INTEGER      NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    decision_reason     VARCHAR(2000),
    decided_on          DATE,
    applied_at          TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Personal data, kept out of events so that it can be erased.
CREATE TABLE sme_contact (
    sme_id      VARCHAR(36)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    email       VARCHAR(254) NOT NULL,
    phone       VARCHAR(30),
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);

CREATE TABLE headcount_declaration (
    event_id    VARCHAR(255) PRIMARY KEY,
    sme_id      VARCHAR(36)  NOT NULL,
    date        DATE         NOT NULL,
    headcount   INTEGER      NOT NULL,
    position    BIGSERIAL    NOT NULL
);
CREATE INDEX headcount_declaration_sme ON headcount_declaration (sme_id, date);

CREATE TABLE job_report (
    report_id      VARCHAR(36)  PRIMARY KEY,
    sme_id         VARCHAR(36)  NOT NULL,
    date           DATE         NOT NULL,
    count          INTEGER      NOT NULL,
    kind           VARCHAR(16)  NOT NULL,
    contract_type  VARCHAR(16)  NOT NULL,
    position       BIGSERIAL    NOT NULL
);
CREATE INDEX job_report_sme ON job_report (sme_id, date);

CREATE TABLE need (
    need_id       VARCHAR(36)   PRIMARY KEY,
    sme_id        VARCHAR(36)   NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    category      VARCHAR(32)   NOT NULL,
    title         VARCHAR(200)  NOT NULL,
    description   VARCHAR(5000) NOT NULL,
    effort_days   NUMERIC(4, 1) NOT NULL,
    window_start  DATE          NOT NULL,
    window_end    DATE          NOT NULL,
    commune_code  VARCHAR(5)    NOT NULL,
    mission_id    VARCHAR(36),
    close_reason  VARCHAR(2000),
    published_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    -- publication order: the stable order of every list of needs
    position      BIGSERIAL     NOT NULL UNIQUE
);
CREATE INDEX need_sme ON need (sme_id, position);
CREATE INDEX need_status ON need (status, position);
CREATE INDEX need_open_window ON need (window_end) WHERE status = 'PUBLISHED';

CREATE TABLE need_skill (
    need_id   VARCHAR(36)  NOT NULL REFERENCES need (need_id) ON DELETE CASCADE,
    skill_id  VARCHAR(100) NOT NULL,
    level     SMALLINT     NOT NULL,
    PRIMARY KEY (need_id, skill_id)
);
CREATE INDEX need_skill_skill ON need_skill (skill_id);

-- Mission events that could not be applied (unknown need, or a need in a state the event does not fit).
CREATE TABLE parked_mission_event (
    event_id    VARCHAR(255) PRIMARY KEY,
    type        VARCHAR(100) NOT NULL,
    need_id     VARCHAR(255),
    mission_id  VARCHAR(255),
    reason      VARCHAR(2000) NOT NULL,
    payload     TEXT         NOT NULL,
    parked_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
