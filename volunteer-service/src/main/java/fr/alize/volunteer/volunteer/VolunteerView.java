package fr.alize.volunteer.volunteer;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** A volunteer as the API shows it; name and contact are absent once erased. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VolunteerView(String volunteerId, String partnerId, String employeeRef, VolunteerStatus status,
                            List<SkillLevel> skills, int daysPerMonth, List<Absence> absences, String communeCode,
                            int maxTravelKm, boolean personalDataErased, String name, String email, String phone) {

    public Profile profile() {
        return new Profile(skills, daysPerMonth, absences, communeCode, maxTravelKm);
    }

    public PersonalData personalData() {
        return name == null ? null : new PersonalData(name, email, phone);
    }
}
