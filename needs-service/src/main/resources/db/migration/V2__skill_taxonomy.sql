-- The latest version of the skill taxonomy received from volunteer-service (SkillTaxonomyPublished on
-- alize.volunteers): at most one row. A version replaces it only when it is newer (year, then number), so a
-- version arriving late never takes the place of a newer one.
CREATE TABLE skill_taxonomy (
    singleton       BOOLEAN      PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    version         VARCHAR(20)  NOT NULL,
    version_year    INTEGER      NOT NULL,
    version_number  INTEGER      NOT NULL,
    skill_ids       TEXT[]       NOT NULL,
    skills          JSONB        NOT NULL,
    event_id        VARCHAR(100) NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
