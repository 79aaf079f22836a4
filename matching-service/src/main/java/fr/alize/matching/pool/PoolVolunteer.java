package fr.alize.matching.pool;

import java.util.List;

/** A volunteer as the pool knows it. {@code status} is ACTIVE, PAUSED, OFFBOARDED or ERASED. */
public record PoolVolunteer(String volunteerId, String partnerId, String status, List<Skill> skills,
                           double daysPerMonth, List<Absence> absences, String communeCode) {

    public static final String ACTIVE = "ACTIVE";

    public boolean active() {
        return ACTIVE.equals(status);
    }

    /** The level held in a skill (the highest, should the skill be listed twice), 0 when not held. */
    public int levelOf(String skillId) {
        int level = 0;
        for (Skill skill : skills) {
            if (skill.skillId().equals(skillId) && skill.level() > level) {
                level = skill.level();
            }
        }
        return level;
    }
}
