package fr.alize.matching.mission;

import fr.alize.domain.InvalidValue;
import fr.alize.domain.RuleViolation;
import fr.alize.matching.mission.MissionCommands.AcceptMission;
import fr.alize.matching.mission.MissionCommands.CancelMission;
import fr.alize.matching.mission.MissionCommands.CompleteMission;
import fr.alize.matching.mission.MissionCommands.DeclineMission;
import fr.alize.matching.mission.MissionCommands.LogTime;
import fr.alize.matching.mission.MissionCommands.ProposeMission;
import fr.alize.matching.mission.MissionEvents.MissionAccepted;
import fr.alize.matching.mission.MissionEvents.MissionCancelled;
import fr.alize.matching.mission.MissionEvents.MissionCompleted;
import fr.alize.matching.mission.MissionEvents.MissionDeclined;
import fr.alize.matching.mission.MissionEvents.MissionProposed;
import fr.alize.matching.mission.MissionEvents.MissionStarted;
import fr.alize.matching.mission.MissionEvents.TimeLogged;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One volunteer helping one SME on one need: proposed, accepted by the SME, the volunteer and the employer in any
 * order (a refusal by any of them ends it), started, time logged, then completed by the SME or cancelled by the CCI.
 */
public class Mission {

    /** No one works more than this on one day, all entries of that day together. */
    static final BigDecimal MAX_HOURS_PER_DAY = BigDecimal.TEN;

    @AggregateIdentifier
    private String missionId;
    private String needId;
    private String smeId;
    private String volunteerId;
    private String partnerId;
    private MissionState state;
    private final Set<Party> accepted = EnumSet.noneOf(Party.class);
    /** Null for a mission proposed before the proposal's day was recorded: its start is then not held to it. */
    private LocalDate proposedOn;
    private LocalDate startDate;
    private LocalDate lastLoggedDate;
    /** The entries that count (an entry stops counting when a correction replaces it). */
    private final Map<String, Entry> entries = new HashMap<>();

    private record Entry(LocalDate date, BigDecimal hours) {
    }

    protected Mission() {
        // for Axon
    }

    @CommandHandler
    public Mission(ProposeMission command) {
        apply(new MissionProposed(command.missionId(), command.needId(), command.smeId(), command.volunteerId(),
                command.partnerId(), command.proposedBy(), command.score(), command.today()));
    }

    /**
     * A party that accepts again changes nothing. The last acceptance starts the mission, on the date it names or
     * today; that date must fit (see {@link #requireStartFits}), or the acceptance is refused and nothing is recorded.
     */
    @CommandHandler
    public void handle(AcceptMission command) {
        require(MissionState.PROPOSED, "accept it");
        if (accepted.contains(command.party())) {
            return;
        }
        boolean last = accepted.size() == Party.values().length - 1;
        LocalDate start = command.startDate() != null ? command.startDate() : command.today();
        if (last) {
            requireStartFits(start, proposedOn, command);
        }
        apply(new MissionAccepted(missionId, needId, smeId, volunteerId, partnerId, command.party()));
        if (last) {
            apply(new MissionStarted(missionId, needId, smeId, volunteerId, partnerId, start));
        }
    }

    /**
     * A start is recorded as having happened, so no party can move it where the figures would bend (into another
     * year's supported SMEs, or ahead of the help): not after today, not before the proposal, within the need's window.
     */
    private static void requireStartFits(LocalDate start, LocalDate proposedOn, AcceptMission command) {
        String rule = null;
        if (start.isAfter(command.today())) {
            rule = "is after today (" + command.today() + "): a mission starts when all three parties have accepted, never later";
        } else if (proposedOn != null && start.isBefore(proposedOn)) {
            rule = "is before the proposal (" + proposedOn + "): a mission cannot start before it was proposed";
        } else if (command.windowStart() != null && start.isBefore(command.windowStart())) {
            rule = "is before the need's window, which opens on " + command.windowStart();
        } else if (command.windowEnd() != null && start.isAfter(command.windowEnd())) {
            rule = "is after the need's window, which closed on " + command.windowEnd();
        }
        if (rule != null) {
            throw new InvalidValue("startDate", start + " " + rule);
        }
    }

    @CommandHandler
    public void handle(DeclineMission command) {
        require(MissionState.PROPOSED, "refuse it");
        apply(new MissionDeclined(missionId, needId, smeId, volunteerId, partnerId, command.party(), command.reason()));
    }

    @CommandHandler
    public void handle(LogTime command) {
        require(MissionState.STARTED, "log time");
        if (command.date().isBefore(startDate)) {
            throw new InvalidValue("date", "is before the mission's start (" + startDate + ")");
        }
        if (command.date().isAfter(command.today())) {
            throw new InvalidValue("date", "is in the future");
        }
        String corrected = command.correctsEntryId();
        if (corrected != null && !entries.containsKey(corrected)) {
            throw new InvalidValue("correctsEntryId", "is not a current time entry of this mission");
        }
        if (entries.containsKey(command.entryId())) {
            return; // the same entry sent again
        }
        BigDecimal sameDay = entries.entrySet().stream()
                .filter(e -> !e.getKey().equals(corrected) && e.getValue().date().equals(command.date()))
                .map(e -> e.getValue().hours())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sameDay.add(command.hours()).compareTo(MAX_HOURS_PER_DAY) > 0) {
            throw new InvalidValue("hours", "would make " + sameDay.add(command.hours()).stripTrailingZeros().toPlainString()
                    + " hours on " + command.date() + "; at most " + MAX_HOURS_PER_DAY + " hours a day");
        }
        apply(new TimeLogged(missionId, needId, smeId, volunteerId, partnerId, command.entryId(), command.date(),
                command.hours(), corrected));
    }

    @CommandHandler
    public void handle(CompleteMission command) {
        require(MissionState.STARTED, "complete it");
        if (command.completedOn().isBefore(startDate)) {
            throw new InvalidValue("completedOn", "is before the mission's start (" + startDate + ")");
        }
        if (lastLoggedDate != null && command.completedOn().isBefore(lastLoggedDate)) {
            throw new InvalidValue("completedOn", "is before time logged on " + lastLoggedDate);
        }
        apply(new MissionCompleted(missionId, needId, smeId, volunteerId, partnerId, command.completedOn(),
                command.outcome(), command.satisfaction()));
    }

    @CommandHandler
    public void handle(CancelMission command) {
        if (state != MissionState.PROPOSED && state != MissionState.STARTED) {
            throw conflict("cancel it");
        }
        apply(new MissionCancelled(missionId, needId, smeId, volunteerId, partnerId, command.reason()));
    }

    private void require(MissionState expected, String action) {
        if (state != expected) {
            throw conflict(action);
        }
    }

    private RuleViolation conflict(String action) {
        return new RuleViolation("The mission is " + state + ": cannot " + action + ".");
    }

    @EventSourcingHandler
    void on(MissionProposed event) {
        missionId = event.missionId();
        needId = event.needId();
        smeId = event.smeId();
        volunteerId = event.volunteerId();
        partnerId = event.partnerId();
        proposedOn = event.proposedOn();
        state = MissionState.PROPOSED;
    }

    @EventSourcingHandler
    void on(MissionAccepted event) {
        accepted.add(event.party());
    }

    @EventSourcingHandler
    void on(MissionDeclined event) {
        state = MissionState.DECLINED;
    }

    @EventSourcingHandler
    void on(MissionStarted event) {
        state = MissionState.STARTED;
        startDate = event.startDate();
    }

    @EventSourcingHandler
    void on(TimeLogged event) {
        if (event.correctsEntryId() != null) {
            entries.remove(event.correctsEntryId());
        }
        entries.put(event.entryId(), new Entry(event.date(), event.hours()));
        if (lastLoggedDate == null || event.date().isAfter(lastLoggedDate)) {
            lastLoggedDate = event.date();
        }
    }

    @EventSourcingHandler
    void on(MissionCompleted event) {
        state = MissionState.COMPLETED;
    }

    @EventSourcingHandler
    void on(MissionCancelled event) {
        state = MissionState.CANCELLED;
    }
}
