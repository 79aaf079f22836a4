package fr.alize.matching.mission;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Events of the mission aggregate; their JSON shape is the contract in docs/events/missions/. Every event names the
 * mission, the need, the SME, the volunteer and the volunteer's employer, so that a consumer needs no other event to
 * place it.
 */
public final class MissionEvents {

    private MissionEvents() {
    }

    /** @param proposedOn the day of the proposal; null on proposals recorded before it was kept */
    public record MissionProposed(String missionId, String needId, String smeId, String volunteerId, String partnerId,
                                  ProposedBy proposedBy, Double score, LocalDate proposedOn) {
    }

    public record MissionAccepted(String missionId, String needId, String smeId, String volunteerId, String partnerId,
                                  Party party) {
    }

    public record MissionDeclined(String missionId, String needId, String smeId, String volunteerId, String partnerId,
                                  Party party, String reason) {
    }

    public record MissionStarted(String missionId, String needId, String smeId, String volunteerId, String partnerId,
                                 LocalDate startDate) {
    }

    public record TimeLogged(String missionId, String needId, String smeId, String volunteerId, String partnerId,
                             String entryId, LocalDate date, BigDecimal hours, String correctsEntryId) {
    }

    public record MissionCompleted(String missionId, String needId, String smeId, String volunteerId, String partnerId,
                                   LocalDate completedOn, String outcome, int satisfaction) {
    }

    public record MissionCancelled(String missionId, String needId, String smeId, String volunteerId, String partnerId,
                                   String reason) {
    }
}
