package fr.alize.needs.skills;

import fr.alize.platform.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Table {@code skill_taxonomy}: the latest taxonomy version received, one row. Read on every check (one small row),
 * so that every replica of the service sees the version that any of them stored.
 */
@ApplicationScoped
public class SkillTaxonomyTable implements LatestSkillTaxonomy {

    @Inject
    Jdbc jdbc;

    @Override
    public Optional<SkillTaxonomy> latest() {
        return jdbc.one("SELECT version, skill_ids FROM skill_taxonomy", row ->
                new SkillTaxonomy(row.getString("version"), Set.of((String[]) row.getArray("skill_ids").getArray())));
    }

    /**
     * Keeps this version if it is newer than the one held (or none is held); within the caller's transaction.
     *
     * @return false when a version at least as new is already held (nothing changed)
     */
    boolean keepIfNewer(String version, TaxonomyVersion order, List<String> skillIds, String skillsJson, String eventId) {
        return jdbc.update("""
                INSERT INTO skill_taxonomy AS held (version, version_year, version_number, skill_ids, skills, event_id)
                VALUES (?, ?, ?, ?, ?::jsonb, ?)
                ON CONFLICT (singleton) DO UPDATE SET version = EXCLUDED.version, version_year = EXCLUDED.version_year,
                    version_number = EXCLUDED.version_number, skill_ids = EXCLUDED.skill_ids, skills = EXCLUDED.skills,
                    event_id = EXCLUDED.event_id, received_at = now()
                WHERE (held.version_year, held.version_number) < (EXCLUDED.version_year, EXCLUDED.version_number)""",
                version, order.year(), order.number(), skillIds, skillsJson, eventId) == 1;
    }
}
