package fr.alize.volunteer.volunteer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A volunteer as a partner's HR system describes it: one row of a bulk upload (JSON or CSV), or the body of a single
 * registration or update. The employee reference is the partner's own key for the person.
 */
public record VolunteerData(
        @Size(max = 100) @Pattern(regexp = "^[\\p{Alnum}._:/#-]+$", message = "may hold letters, digits and . _ : / # - only") String employeeRef,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 254) String email,
        @Pattern(regexp = "^\\+?[0-9 .()-]{6,25}$", message = "must be a phone number") String phone,
        @NotEmpty @Size(max = 30) List<@NotNull @Valid SkillLevel> skills,
        @NotNull @Min(0) @Max(22) Integer daysPerMonth,
        @Size(max = 50) List<@NotNull @Valid Absence> absences,
        @NotNull @Pattern(regexp = COMMUNE_CODE, message = "must be an INSEE commune code (5 characters)") String communeCode,
        @NotNull @Min(0) @Max(500) Integer maxTravelKm) {

    public static final String COMMUNE_CODE = "^(?:[0-9]{2}|2[AB])[0-9]{3}$";

    public Profile profile() {
        return new Profile(skills, daysPerMonth, absences == null ? List.of() : absences, communeCode, maxTravelKm);
    }

    public PersonalData personalData() {
        return new PersonalData(name.strip(), email.strip(), phone == null || phone.isBlank() ? null : phone.strip());
    }
}
