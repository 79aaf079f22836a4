package fr.alize.volunteer.volunteer;

/** Where a volunteer stands: may be proposed (ACTIVE), not for now (PAUSED), never again (OFFBOARDED). */
public enum VolunteerStatus {
    ACTIVE, PAUSED, OFFBOARDED
}
