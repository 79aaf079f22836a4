package fr.alize.volunteer.skills;

/** One entry of the skill taxonomy. */
public record Skill(String id, String labelFr, String labelEn, String family) {
}
