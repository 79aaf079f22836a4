package fr.alize.needs.skills;

import fr.alize.platform.errors.NearestIds;

import java.util.Optional;
import java.util.Set;

/** A version of the skill taxonomy as needs-service knows it: the version and its skill ids. */
public record SkillTaxonomy(String version, Set<String> skillIds) {

    public SkillTaxonomy {
        skillIds = Set.copyOf(skillIds);
    }

    /** Empty when the id is in this version; otherwise what is wrong, with the nearest known ids. */
    public Optional<String> problemWith(String skillId) {
        if (skillIds.contains(skillId)) {
            return Optional.empty();
        }
        return Optional.of("is not in skill taxonomy " + version + "; nearest known ids: "
                + String.join(", ", NearestIds.nearest(skillId, skillIds)));
    }
}
