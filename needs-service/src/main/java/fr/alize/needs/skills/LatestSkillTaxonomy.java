package fr.alize.needs.skills;

import java.util.Optional;

/** The skill taxonomy that needs are checked against: the latest version received, if any yet. */
@FunctionalInterface
public interface LatestSkillTaxonomy {

    Optional<SkillTaxonomy> latest();
}
