package fr.alize.matching.mission;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Commands of the mission aggregate. Dates that depend on "today" are given by the caller (from its Clock). */
public final class MissionCommands {

    private MissionCommands() {
    }

    /** @param today the day of the proposal, which no start date may precede */
    public record ProposeMission(@TargetAggregateIdentifier String missionId, String needId, String smeId,
                                 String volunteerId, String partnerId, ProposedBy proposedBy, Double score,
                                 LocalDate today) {
    }

    /**
     * @param startDate   the start date, used when this acceptance is the last of the three; null for today
     * @param windowStart the need's time window as the candidate pool holds it now (it may have been amended since
     *                    the proposal); either end may be null, and both are when the pool does not know the need
     */
    public record AcceptMission(@TargetAggregateIdentifier String missionId, Party party, LocalDate startDate,
                                LocalDate today, LocalDate windowStart, LocalDate windowEnd) {
    }

    public record DeclineMission(@TargetAggregateIdentifier String missionId, Party party, String reason) {
    }

    public record LogTime(@TargetAggregateIdentifier String missionId, String entryId, LocalDate date,
                          BigDecimal hours, String correctsEntryId, LocalDate today) {
    }

    public record CompleteMission(@TargetAggregateIdentifier String missionId, LocalDate completedOn, String outcome,
                                  int satisfaction) {
    }

    public record CancelMission(@TargetAggregateIdentifier String missionId, String reason) {
    }
}
