package fr.alize.needs.need;

import fr.alize.domain.NotPermitted;
import fr.alize.domain.RuleViolation;
import fr.alize.needs.need.NeedCommands.AmendNeed;
import fr.alize.needs.need.NeedCommands.ExpireNeed;
import fr.alize.needs.need.NeedCommands.PublishNeed;
import fr.alize.needs.need.NeedCommands.RecordMissionCompleted;
import fr.alize.needs.need.NeedCommands.RecordMissionEnded;
import fr.alize.needs.need.NeedCommands.RecordMissionStarted;
import fr.alize.needs.need.NeedCommands.WithdrawNeed;
import fr.alize.needs.need.NeedEvents.NeedAmended;
import fr.alize.needs.need.NeedEvents.NeedExpired;
import fr.alize.needs.need.NeedEvents.NeedFulfilled;
import fr.alize.needs.need.NeedEvents.NeedMatched;
import fr.alize.needs.need.NeedEvents.NeedPublished;
import fr.alize.needs.need.NeedEvents.NeedReopened;
import fr.alize.needs.need.NeedEvents.NeedWithdrawn;
import fr.alize.needs.skills.LatestSkillTaxonomy;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.Clock;
import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * What an SME asks for, from publication to its end: fulfilled by a mission, withdrawn, or expired when its window
 * ended while it was still open. Mission events move it: matched when a mission starts, fulfilled when that mission
 * completes, open again when it is cancelled.
 * <p>
 * The mission commands never fail: an event that does not fit the need's state is answered with the reason, and the
 * consumer parks it, so one odd event cannot block the topic.
 */
public class Need {

    @AggregateIdentifier
    private String needId;
    private String smeId;
    private NeedStatus status;
    private NeedDetails details;
    private String missionId;

    protected Need() {
        // for Axon
    }

    @CommandHandler
    public Need(PublishNeed command, Clock clock, LatestSkillTaxonomy taxonomy) {
        command.details().validate(LocalDate.now(clock), taxonomy);
        apply(NeedPublished.of(command.needId(), command.smeId(), command.details()));
    }

    /** An amendment that changes nothing records nothing. */
    @CommandHandler
    public void handle(AmendNeed command, Clock clock, LatestSkillTaxonomy taxonomy) {
        requireActingSme(command.actingSmeId());
        requireOpen("amended");
        command.details().validate(LocalDate.now(clock), taxonomy);
        if (!details.sameAs(command.details())) {
            apply(NeedAmended.of(needId, smeId, command.details()));
        }
    }

    @CommandHandler
    public void handle(WithdrawNeed command) {
        requireActingSme(command.actingSmeId());
        requireOpen("withdrawn");
        apply(new NeedWithdrawn(needId, smeId, command.reason()));
    }

    /** @return whether the need expired now */
    @CommandHandler
    public boolean handle(ExpireNeed command, Clock clock) {
        if (status != NeedStatus.PUBLISHED || !details.windowEnd().isBefore(LocalDate.now(clock))) {
            return false;
        }
        apply(new NeedExpired(needId, smeId, details.windowEnd()));
        return true;
    }

    /** @return null when applied (or already applied), otherwise why the event does not fit */
    @CommandHandler
    public String handle(RecordMissionStarted command) {
        if (status == NeedStatus.MATCHED && command.missionId().equals(missionId)) {
            return null;
        }
        if (status != NeedStatus.PUBLISHED) {
            return "the need is " + status + (missionId == null ? "" : " (mission " + missionId + ")");
        }
        apply(new NeedMatched(needId, smeId, command.missionId()));
        return null;
    }

    /** @return null when applied (or already applied), otherwise why the event does not fit */
    @CommandHandler
    public String handle(RecordMissionCompleted command) {
        if (!command.missionId().equals(missionId)) {
            return "the need is " + status + " and not matched to this mission";
        }
        if (status == NeedStatus.MATCHED) {
            apply(new NeedFulfilled(needId, smeId, missionId));
        }
        return null;
    }

    /**
     * A cancelled or declined mission reopens the need it matched; one that never started leaves the need as it is.
     *
     * @return always null: there is nothing to park
     */
    @CommandHandler
    public String handle(RecordMissionEnded command) {
        if (status == NeedStatus.MATCHED && command.missionId().equals(missionId)) {
            apply(new NeedReopened(needId, smeId, missionId, command.reason()));
        }
        return null;
    }

    private void requireActingSme(String actingSmeId) {
        if (actingSmeId != null && !actingSmeId.equals(smeId)) {
            throw new NotPermitted();
        }
    }

    private void requireOpen(String what) {
        if (status != NeedStatus.PUBLISHED) {
            throw new RuleViolation("The need is " + status + "; only a published need that no mission has started can be " + what + ".");
        }
    }

    @EventSourcingHandler
    void on(NeedPublished event) {
        needId = event.needId();
        smeId = event.smeId();
        status = NeedStatus.PUBLISHED;
        details = event.details();
    }

    @EventSourcingHandler
    void on(NeedAmended event) {
        details = event.details();
    }

    @EventSourcingHandler
    void on(NeedWithdrawn event) {
        status = NeedStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(NeedExpired event) {
        status = NeedStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(NeedMatched event) {
        status = NeedStatus.MATCHED;
        missionId = event.missionId();
    }

    @EventSourcingHandler
    void on(NeedFulfilled event) {
        status = NeedStatus.FULFILLED;
    }

    @EventSourcingHandler
    void on(NeedReopened event) {
        status = NeedStatus.PUBLISHED;
        missionId = null;
    }
}
