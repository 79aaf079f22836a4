package fr.alize.volunteer.volunteer;

/** Why a volunteer leaves the programme. */
public enum OffboardReason {
    LEFT_COMPANY, STOPPED_VOLUNTEERING, ERASURE_REQUESTED
}
