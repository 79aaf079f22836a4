package fr.alize.volunteer.volunteer;

import java.util.List;

/**
 * Events of the volunteer aggregate; their JSON shape is the contract in docs/events/volunteers/. None carries a
 * name, an e-mail or a phone number: personal data lives in {@link PersonalDataStore}, which can be erased.
 */
public final class VolunteerEvents {

    private VolunteerEvents() {
    }

    /** An event that carries a volunteer's whole profile. */
    public interface WithProfile {
        List<SkillLevel> skills();

        int daysPerMonth();

        List<Absence> absences();

        String communeCode();

        int maxTravelKm();

        default Profile profile() {
            return new Profile(skills(), daysPerMonth(), absences(), communeCode(), maxTravelKm());
        }
    }

    public record VolunteerRegistered(String volunteerId, String partnerId, List<SkillLevel> skills, int daysPerMonth,
                                      List<Absence> absences, String communeCode, int maxTravelKm) implements WithProfile {
        static VolunteerRegistered of(String volunteerId, String partnerId, Profile p) {
            return new VolunteerRegistered(volunteerId, partnerId, p.skills(), p.daysPerMonth(), p.absences(),
                    p.communeCode(), p.maxTravelKm());
        }
    }

    /** The full new profile, not a delta. */
    public record VolunteerUpdated(String volunteerId, String partnerId, List<SkillLevel> skills, int daysPerMonth,
                                   List<Absence> absences, String communeCode, int maxTravelKm) implements WithProfile {
        static VolunteerUpdated of(String volunteerId, String partnerId, Profile p) {
            return new VolunteerUpdated(volunteerId, partnerId, p.skills(), p.daysPerMonth(), p.absences(),
                    p.communeCode(), p.maxTravelKm());
        }
    }

    public record VolunteerPaused(String volunteerId, String partnerId) {
    }

    public record VolunteerResumed(String volunteerId, String partnerId) {
    }

    public record VolunteerOffboarded(String volunteerId, String partnerId, OffboardReason reason) {
    }

    public record VolunteerPersonalDataErased(String volunteerId, String partnerId) {
    }
}
