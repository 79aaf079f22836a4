package fr.alize.matching.mission;

import fr.alize.matching.mission.MissionEvents.MissionAccepted;
import fr.alize.matching.mission.MissionEvents.MissionCancelled;
import fr.alize.matching.mission.MissionEvents.MissionCompleted;
import fr.alize.matching.mission.MissionEvents.MissionDeclined;
import fr.alize.matching.mission.MissionEvents.MissionProposed;
import fr.alize.matching.mission.MissionEvents.MissionStarted;
import fr.alize.matching.mission.MissionEvents.TimeLogged;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A mission as the API shows it, folded from its events. */
public final class MissionView {

    /** A time entry; {@code replacedBy} names the correction that replaced it, if any. */
    public record TimeEntry(String entryId, LocalDate date, BigDecimal hours, String correctsEntryId, String replacedBy) {
    }

    public String missionId;
    public String needId;
    public String smeId;
    public String volunteerId;
    public String partnerId;
    public MissionState state;
    public ProposedBy proposedBy;
    public Double score;
    public Set<Party> acceptedBy = EnumSet.noneOf(Party.class);
    public Party declinedBy;
    public String declineReason;
    public LocalDate startDate;
    public LocalDate completedOn;
    public String outcome;
    public Integer satisfaction;
    public String cancelReason;
    public List<TimeEntry> timeEntries = new ArrayList<>();
    public BigDecimal hoursLogged = BigDecimal.ZERO;

    /** Applies one event of the mission; unknown payloads are ignored. */
    void apply(Object event) {
        if (event instanceof MissionProposed e) {
            missionId = e.missionId();
            needId = e.needId();
            smeId = e.smeId();
            volunteerId = e.volunteerId();
            partnerId = e.partnerId();
            proposedBy = e.proposedBy();
            score = e.score();
            state = MissionState.PROPOSED;
        } else if (event instanceof MissionAccepted e) {
            acceptedBy.add(e.party());
        } else if (event instanceof MissionDeclined e) {
            state = MissionState.DECLINED;
            declinedBy = e.party();
            declineReason = e.reason();
        } else if (event instanceof MissionStarted e) {
            state = MissionState.STARTED;
            startDate = e.startDate();
        } else if (event instanceof TimeLogged e) {
            logged(e);
        } else if (event instanceof MissionCompleted e) {
            state = MissionState.COMPLETED;
            completedOn = e.completedOn();
            outcome = e.outcome();
            satisfaction = e.satisfaction();
        } else if (event instanceof MissionCancelled e) {
            state = MissionState.CANCELLED;
            cancelReason = e.reason();
        }
    }

    private void logged(TimeLogged e) {
        if (e.correctsEntryId() != null) {
            for (int i = 0; i < timeEntries.size(); i++) {
                TimeEntry old = timeEntries.get(i);
                if (old.entryId().equals(e.correctsEntryId())) {
                    timeEntries.set(i, new TimeEntry(old.entryId(), old.date(), old.hours(), old.correctsEntryId(), e.entryId()));
                    hoursLogged = hoursLogged.subtract(old.hours());
                }
            }
        }
        timeEntries.add(new TimeEntry(e.entryId(), e.date(), e.hours(), e.correctsEntryId(), null));
        hoursLogged = hoursLogged.add(e.hours());
    }
}
