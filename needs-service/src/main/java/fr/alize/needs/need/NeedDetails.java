package fr.alize.needs.need;

import fr.alize.platform.errors.FieldError;
import fr.alize.platform.errors.InvalidInputException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** What an SME asks for: everything a need says, as published or amended. */
public record NeedDetails(NeedCategory category, String title, String description, List<Skill> skills,
                          BigDecimal effortDays, LocalDate windowStart, LocalDate windowEnd, String communeCode) {

    public static final BigDecimal MIN_EFFORT = new BigDecimal("0.5");
    public static final BigDecimal MAX_EFFORT = new BigDecimal("60");

    public NeedDetails {
        skills = List.copyOf(skills);
    }

    /** The rules a need's details obey whenever they are set; every field at fault is named. */
    void validate(LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (effortDays.compareTo(MIN_EFFORT) < 0 || effortDays.compareTo(MAX_EFFORT) > 0) {
            errors.add(new FieldError("effortDays", "must be between 0.5 and 60 days"));
        }
        if (!windowStart.isBefore(windowEnd)) {
            errors.add(new FieldError("windowEnd", "must be after windowStart"));
        }
        if (windowEnd.isBefore(today)) {
            errors.add(new FieldError("windowEnd", "must not be in the past"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < skills.size(); i++) {
            Skill skill = skills.get(i);
            if (skill.level() < 1 || skill.level() > 4) {
                errors.add(new FieldError("skills[" + i + "].level", "must be between 1 and 4"));
            }
            if (!seen.add(skill.skillId())) {
                errors.add(new FieldError("skills[" + i + "].skillId", "is listed twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
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
