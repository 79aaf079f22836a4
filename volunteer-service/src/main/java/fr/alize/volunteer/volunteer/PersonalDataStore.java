package fr.alize.volunteer.volunteer;

import fr.alize.platform.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

/**
 * The erasable side of a volunteer, written next to the volunteer's commands in the same transaction: the keyed hash
 * of its employee reference (the key of the HR integration, {@link EmployeeRefHash}) in {@code volunteer_ref}, and
 * its personal data (the clear employee reference, name and contact) in {@code volunteer_personal_data}. Erasure
 * deletes the personal data and unties the hash from the volunteer, so that a later upload of the same reference is
 * refused without naming anyone.
 */
@ApplicationScoped
public class PersonalDataStore {

    @Inject
    Jdbc sql;
    @Inject
    EmployeeRefHash refHash;

    public record NewVolunteer(String partnerId, String employeeRef, String volunteerId, PersonalData personalData) {
    }

    public void addAll(List<NewVolunteer> volunteers) {
        sql.batch("INSERT INTO volunteer_ref (partner_id, ref_hash, volunteer_id) VALUES (?, ?, ?)",
                volunteers.stream().map(v -> new Object[]{v.partnerId(), refHash.of(v.partnerId(), v.employeeRef()),
                        v.volunteerId()}).toList());
        sql.batch("INSERT INTO volunteer_personal_data (volunteer_id, employee_ref, full_name, email, phone) VALUES (?, ?, ?, ?, ?)",
                volunteers.stream().map(v -> new Object[]{v.volunteerId(), v.employeeRef(), v.personalData().name(),
                        v.personalData().email(), v.personalData().phone()}).toList());
    }

    /** Replaces the name and contact of volunteers (by id); the employee reference never changes. */
    public void replaceAll(Map<String, PersonalData> byVolunteer) {
        sql.batch("UPDATE volunteer_personal_data SET full_name = ?, email = ?, phone = ? WHERE volunteer_id = ?",
                byVolunteer.entrySet().stream().map(e -> new Object[]{e.getValue().name(), e.getValue().email(),
                        e.getValue().phone(), e.getKey()}).toList());
    }

    /**
     * Deletes the personal data, unties the reference's hash from the volunteer and drops the stored answers of
     * idempotent bulk calls that named the volunteer (they tie its id to the clear reference).
     */
    public void erase(String volunteerId) {
        sql.update("DELETE FROM volunteer_personal_data WHERE volunteer_id = ?", volunteerId);
        sql.update("UPDATE volunteer_ref SET volunteer_id = NULL WHERE volunteer_id = ?", volunteerId);
        sql.update("DELETE FROM idempotent_request WHERE position(? IN response) > 0", volunteerId);
    }
}
