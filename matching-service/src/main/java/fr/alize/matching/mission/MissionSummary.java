package fr.alize.matching.mission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** A mission as GET /missions lists it: who, for which need, where it stands; GET /missions/{id} has the rest. */
public record MissionSummary(String missionId, String needId, String smeId, String volunteerId, String partnerId,
                             MissionState state, ProposedBy proposedBy, Double score, Set<Party> acceptedBy,
                             LocalDate startDate, LocalDate completedOn, Instant proposedAt, Instant updatedAt) {
}
