package fr.alize.needs.need;

/** A skill wanted: an id of the skill taxonomy and the level wanted, 1 (notions) to 4 (expert). */
public record Skill(String skillId, int level) {
}
