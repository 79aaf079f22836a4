package fr.alize.volunteer.volunteer;

import java.util.Comparator;
import java.util.List;

/**
 * What matching needs to know about a volunteer, in a normal form (skills by id, absences by start) so that two
 * profiles saying the same thing are equal.
 */
public record Profile(List<SkillLevel> skills, int daysPerMonth, List<Absence> absences, String communeCode,
                      int maxTravelKm) {

    public Profile {
        skills = skills.stream().sorted(Comparator.comparing(SkillLevel::skillId)).toList();
        absences = absences == null ? List.of()
                : absences.stream().sorted(Comparator.comparing(Absence::from).thenComparing(Absence::to)).toList();
    }
}
