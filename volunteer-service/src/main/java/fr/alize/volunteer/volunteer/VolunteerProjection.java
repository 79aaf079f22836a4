package fr.alize.volunteer.volunteer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.alize.platform.jdbc.Jdbc;
import fr.alize.volunteer.volunteer.VolunteerEvents.VolunteerOffboarded;
import fr.alize.volunteer.volunteer.VolunteerEvents.VolunteerPaused;
import fr.alize.volunteer.volunteer.VolunteerEvents.VolunteerPersonalDataErased;
import fr.alize.volunteer.volunteer.VolunteerEvents.VolunteerRegistered;
import fr.alize.volunteer.volunteer.VolunteerEvents.VolunteerResumed;
import fr.alize.volunteer.volunteer.VolunteerEvents.VolunteerUpdated;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.axonframework.eventhandling.EventHandler;

/** Keeps table {@code volunteer} (skills and absences as JSON), in the transaction of each event. */
@Singleton
public class VolunteerProjection {

    @Inject
    Jdbc sql;
    @Inject
    ObjectMapper mapper;

    @EventHandler
    void on(VolunteerRegistered event) {
        Profile profile = event.profile();
        sql.update("""
                INSERT INTO volunteer (volunteer_id, partner_id, status, skills, days_per_month, absences, commune_code, max_travel_km)
                VALUES (?, ?, ?, CAST(? AS jsonb), ?, CAST(? AS jsonb), ?, ?)""",
                event.volunteerId(), event.partnerId(), VolunteerStatus.ACTIVE.name(), json(profile.skills()),
                profile.daysPerMonth(), json(profile.absences()), profile.communeCode(), profile.maxTravelKm());
    }

    @EventHandler
    void on(VolunteerUpdated event) {
        Profile profile = event.profile();
        sql.update("""
                UPDATE volunteer SET skills = CAST(? AS jsonb), days_per_month = ?, absences = CAST(? AS jsonb), commune_code = ?, max_travel_km = ?
                WHERE volunteer_id = ?""",
                json(profile.skills()), profile.daysPerMonth(), json(profile.absences()), profile.communeCode(),
                profile.maxTravelKm(), event.volunteerId());
    }

    @EventHandler
    void on(VolunteerPaused event) {
        status(event.volunteerId(), VolunteerStatus.PAUSED);
    }

    @EventHandler
    void on(VolunteerResumed event) {
        status(event.volunteerId(), VolunteerStatus.ACTIVE);
    }

    @EventHandler
    void on(VolunteerOffboarded event) {
        status(event.volunteerId(), VolunteerStatus.OFFBOARDED);
    }

    @EventHandler
    void on(VolunteerPersonalDataErased event) {
        sql.update("UPDATE volunteer SET erased = TRUE WHERE volunteer_id = ?", event.volunteerId());
    }

    private void status(String volunteerId, VolunteerStatus status) {
        sql.update("UPDATE volunteer SET status = ? WHERE volunteer_id = ?", status.name(), volunteerId);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
