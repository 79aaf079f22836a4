package fr.alize.needs.need;

import fr.alize.needs.skills.LatestSkillTaxonomy;
import fr.alize.needs.skills.SkillTaxonomy;
import fr.alize.domain.InvalidValue;
import fr.alize.domain.InvalidValue.Violation;
import fr.alize.domain.NotYetDecidable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** What an SME asks for: everything a need says, as published or amended. */
public record NeedDetails(NeedCategory category, String title, String description, List<Skill> skills,
                          BigDecimal effortDays, LocalDate windowStart, LocalDate windowEnd, String communeCode) {

    public static final BigDecimal MIN_EFFORT = new BigDecimal("0.5");
    public static final BigDecimal MAX_EFFORT = new BigDecimal("60");

    public NeedDetails {
        skills = List.copyOf(skills);
    }

    /**
     * The rules a need's details obey whenever they are set; every field at fault is named. Skill ids must be in the
     * latest skill taxonomy received; while none has been received, a need that asks for skills cannot be checked
     * and is refused with 503 (never accepted unchecked), once nothing else is wrong with it.
     */
    void validate(LocalDate today, LatestSkillTaxonomy taxonomy) {
        List<Violation> errors = new ArrayList<>();
        if (effortDays.compareTo(MIN_EFFORT) < 0 || effortDays.compareTo(MAX_EFFORT) > 0) {
            errors.add(new Violation("effortDays", "must be between 0.5 and 60 days"));
        }
        if (!windowStart.isBefore(windowEnd)) {
            errors.add(new Violation("windowEnd", "must be after windowStart"));
        }
        if (windowEnd.isBefore(today)) {
            errors.add(new Violation("windowEnd", "must not be in the past"));
        }
        Optional<SkillTaxonomy> known = skills.isEmpty() ? Optional.empty() : taxonomy.latest();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < skills.size(); i++) {
            Skill skill = skills.get(i);
            if (skill.level() < 1 || skill.level() > 4) {
                errors.add(new Violation("skills[" + i + "].level", "must be between 1 and 4"));
            }
            String field = "skills[" + i + "].skillId";
            if (!seen.add(skill.skillId())) {
                errors.add(new Violation(field, "is listed twice"));
            } else {
                known.flatMap(t -> t.problemWith(skill.skillId())).ifPresent(problem -> errors.add(new Violation(field, problem)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidValue(errors);
        }
        if (!skills.isEmpty() && known.isEmpty()) {
            throw new NotYetDecidable("The skill taxonomy is not available yet: needs-service has not "
                    + "received it from volunteer-service, so the skill ids cannot be checked. Retry shortly.");
        }
    }

    /** Same need, whatever the order of the skills or the scale of the effort (5 = 5.0). */
    boolean sameAs(NeedDetails other) {
        return category == other.category && title.equals(other.title) && description.equals(other.description)
                && Set.copyOf(skills).equals(Set.copyOf(other.skills)) && effortDays.compareTo(other.effortDays) == 0
                && windowStart.equals(other.windowStart) && windowEnd.equals(other.windowEnd)
                && Objects.equals(communeCode, other.communeCode);
    }
}
