package fr.alize.volunteer.volunteer;

/** A volunteer's name and contact: never in an event, erased on request. */
public record PersonalData(String name, String email, String phone) {
}
