package fr.alize.needs.need;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Commands of the need aggregate. {@code actingSmeId} is the SME the caller acts for, or null for the CCI (which
 * acts on every need).
 */
public final class NeedCommands {

    private NeedCommands() {
    }

    public record PublishNeed(@TargetAggregateIdentifier String needId, String smeId, NeedDetails details) {
    }

    public record AmendNeed(@TargetAggregateIdentifier String needId, String actingSmeId, NeedDetails details) {
    }

    public record WithdrawNeed(@TargetAggregateIdentifier String needId, String actingSmeId, String reason) {
    }

    /** Sent by the expiry job; expires the need only if it is still open and its window has ended. */
    public record ExpireNeed(@TargetAggregateIdentifier String needId) {
    }

    /** From MissionStarted. */
    public record RecordMissionStarted(@TargetAggregateIdentifier String needId, String missionId) {
    }

    /** From MissionCompleted. */
    public record RecordMissionCompleted(@TargetAggregateIdentifier String needId, String missionId) {
    }

    /** From MissionCancelled or MissionDeclined. */
    public record RecordMissionEnded(@TargetAggregateIdentifier String needId, String missionId, String reason) {
    }
}
