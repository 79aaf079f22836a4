package fr.alize.volunteer.volunteer;

import fr.alize.platform.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

/**
 * The erasable side of a volunteer: employee reference and personal data, written next to the volunteer's commands
 * in the same transaction. Erasure deletes the personal data row; the reference stays, so that the same person
 * cannot be registered again by a later upload.
 */
@ApplicationScoped
public class PersonalDataStore {

    @Inject
    Jdbc sql;

    public record NewVolunteer(String partnerId, String employeeRef, String volunteerId, PersonalData personalData) {
    }

    public void addAll(List<NewVolunteer> volunteers) {
        sql.batch("INSERT INTO volunteer_ref (partner_id, employee_ref, volunteer_id) VALUES (?, ?, ?)",
                volunteers.stream().map(v -> new Object[]{v.partnerId(), v.employeeRef(), v.volunteerId()}).toList());
        sql.batch("INSERT INTO volunteer_personal_data (volunteer_id, full_name, email, phone) VALUES (?, ?, ?, ?)",
                volunteers.stream().map(v -> new Object[]{v.volunteerId(), v.personalData().name(),
                        v.personalData().email(), v.personalData().phone()}).toList());
    }

    /** Replaces the personal data of volunteers (by id). */
    public void replaceAll(Map<String, PersonalData> byVolunteer) {
        sql.batch("""
                INSERT INTO volunteer_personal_data (volunteer_id, full_name, email, phone) VALUES (?, ?, ?, ?)
                ON CONFLICT (volunteer_id) DO UPDATE SET full_name = EXCLUDED.full_name, email = EXCLUDED.email, phone = EXCLUDED.phone""",
                byVolunteer.entrySet().stream().map(e -> new Object[]{e.getKey(), e.getValue().name(),
                        e.getValue().email(), e.getValue().phone()}).toList());
    }

    public void erase(String volunteerId) {
        sql.update("DELETE FROM volunteer_personal_data WHERE volunteer_id = ?", volunteerId);
    }
}
