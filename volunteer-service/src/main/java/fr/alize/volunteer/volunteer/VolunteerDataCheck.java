package fr.alize.volunteer.volunteer;

import fr.alize.platform.errors.FieldError;
import fr.alize.volunteer.skills.SkillCatalogue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every rule a volunteer description must follow, as field errors ({@code skills[1].skillId}): the constraints of
 * {@link VolunteerData}, skill ids from the taxonomy (with the nearest valid ids), no skill twice, absences that end
 * after they start. Never echoes a submitted value, so no answer repeats personal data.
 */
@ApplicationScoped
public class VolunteerDataCheck {

    @Inject
    Validator validator;
    @Inject
    SkillCatalogue catalogue;

    public List<FieldError> check(VolunteerData data, boolean employeeRefRequired) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<VolunteerData> violation : validator.validate(data)) {
            errors.add(new FieldError(field(violation.getPropertyPath()), violation.getMessage()));
        }
        if (employeeRefRequired && (data.employeeRef() == null || data.employeeRef().isBlank())) {
            errors.add(new FieldError("employeeRef", "must not be blank"));
        }
        if (data.skills() != null) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < data.skills().size(); i++) {
                SkillLevel skill = data.skills().get(i);
                if (skill == null || skill.skillId() == null || skill.skillId().isBlank()) {
                    continue;
                }
                String field = "skills[" + i + "].skillId";
                catalogue.problemWith(skill.skillId()).ifPresent(problem -> errors.add(new FieldError(field, problem)));
                if (!seen.add(skill.skillId())) {
                    errors.add(new FieldError(field, "appears more than once"));
                }
            }
        }
        if (data.absences() != null) {
            for (int i = 0; i < data.absences().size(); i++) {
                Absence absence = data.absences().get(i);
                if (absence != null && absence.from() != null && absence.to() != null && absence.to().isBefore(absence.from())) {
                    errors.add(new FieldError("absences[" + i + "].to", "must not be before from"));
                }
            }
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return errors;
    }

    /** {@code skills[0].level} from a bean-validation path. */
    static String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.toString();
    }
}
