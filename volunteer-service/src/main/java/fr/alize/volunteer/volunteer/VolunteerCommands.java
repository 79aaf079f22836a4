package fr.alize.volunteer.volunteer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Commands of the volunteer aggregate. {@code actingPartnerId} is the partner company the caller acts for, or null
 * for the CCI, which acts on every volunteer.
 */
public final class VolunteerCommands {

    private VolunteerCommands() {
    }

    public record RegisterVolunteer(@TargetAggregateIdentifier String volunteerId, String partnerId, Profile profile) {
    }

    public record UpdateVolunteer(@TargetAggregateIdentifier String volunteerId, String actingPartnerId, Profile profile) {
    }

    public record PauseVolunteer(@TargetAggregateIdentifier String volunteerId, String actingPartnerId) {
    }

    public record ResumeVolunteer(@TargetAggregateIdentifier String volunteerId, String actingPartnerId) {
    }

    public record OffboardVolunteer(@TargetAggregateIdentifier String volunteerId, String actingPartnerId,
                                    OffboardReason reason) {
    }

    public record ErasePersonalData(@TargetAggregateIdentifier String volunteerId, String actingPartnerId) {
    }
}
