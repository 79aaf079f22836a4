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
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

/** Every transition of the mission, allowed and refused. */
class MissionTest {

    static final String M = "m-1";
    static final String NEED = "need-1";
    static final String SME = "sme-1";
    static final String VOL = "vol-1";
    static final String PARTNER = "partner-1";
    static final LocalDate TODAY = LocalDate.of(2027, 2, 1);
    static final LocalDate PROPOSED_ON = LocalDate.of(2027, 1, 20);
    static final LocalDate START = LocalDate.of(2027, 1, 25);
    static final LocalDate WINDOW_START = LocalDate.of(2027, 1, 15);
    static final LocalDate WINDOW_END = LocalDate.of(2027, 3, 31);

    static final MissionProposed PROPOSED = new MissionProposed(M, NEED, SME, VOL, PARTNER, ProposedBy.CCI, 0.8, PROPOSED_ON);
    static final MissionStarted STARTED = new MissionStarted(M, NEED, SME, VOL, PARTNER, START);
    static final MissionCompleted COMPLETED = new MissionCompleted(M, NEED, SME, VOL, PARTNER, TODAY, "Done", 5);
    static final MissionCancelled CANCELLED = new MissionCancelled(M, NEED, SME, VOL, PARTNER, "SME closed");
    static final MissionDeclined DECLINED = new MissionDeclined(M, NEED, SME, VOL, PARTNER, Party.EMPLOYER, "Busy");

    private AggregateTestFixture<Mission> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Mission.class);
    }

    static MissionAccepted accepted(Party party) {
        return new MissionAccepted(M, NEED, SME, VOL, PARTNER, party);
    }

    static TimeLogged logged(String entry, LocalDate date, String hours, String corrects) {
        return new TimeLogged(M, NEED, SME, VOL, PARTNER, entry, date, new BigDecimal(hours), corrects);
    }

    /** An acceptance on {@link #TODAY} for a need whose window runs from {@link #WINDOW_START} to {@link #WINDOW_END}. */
    static AcceptMission accept(Party party, LocalDate startDate) {
        return new AcceptMission(M, party, startDate, TODAY, WINDOW_START, WINDOW_END);
    }

    static LogTime log(String entry, LocalDate date, String hours, String corrects) {
        return new LogTime(M, entry, date, new BigDecimal(hours), corrects, TODAY);
    }

    @Test
    void aProposalRecordsWhoProposedAndTheScore() {
        fixture.givenNoPriorActivity()
                .when(new ProposeMission(M, NEED, SME, VOL, PARTNER, ProposedBy.AUTO, 0.91, PROPOSED_ON))
                .expectEvents(new MissionProposed(M, NEED, SME, VOL, PARTNER, ProposedBy.AUTO, 0.91, PROPOSED_ON));
    }

    @Test
    void eachPartyAcceptsOnceInAnyOrder() {
        fixture.given(PROPOSED)
                .when(accept(Party.EMPLOYER, null))
                .expectEvents(accepted(Party.EMPLOYER));
        fixture.given(PROPOSED, accepted(Party.VOLUNTEER))
                .when(accept(Party.SME, null))
                .expectEvents(accepted(Party.SME));
    }

    @Test
    void acceptingTwiceRecordsNothing() {
        fixture.given(PROPOSED, accepted(Party.SME))
                .when(accept(Party.SME, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theThirdAcceptanceStartsTheMissionTodayWhenNoDateIsGiven() {
        fixture.given(PROPOSED, accepted(Party.VOLUNTEER), accepted(Party.EMPLOYER))
                .when(accept(Party.SME, null))
                .expectEvents(accepted(Party.SME), new MissionStarted(M, NEED, SME, VOL, PARTNER, TODAY));
    }

    @Test
    void theThirdAcceptanceStartsTheMissionOnTheDateItNames() {
        for (LocalDate start : new LocalDate[]{PROPOSED_ON, START, TODAY}) {
            fixture.given(PROPOSED, accepted(Party.SME), accepted(Party.EMPLOYER))
                    .when(accept(Party.VOLUNTEER, start))
                    .expectEvents(accepted(Party.VOLUNTEER), new MissionStarted(M, NEED, SME, VOL, PARTNER, start));
        }
    }

    @Test
    void noStartAfterToday() {
        fixture.given(PROPOSED, accepted(Party.SME), accepted(Party.EMPLOYER))
                .when(accept(Party.VOLUNTEER, TODAY.plusDays(1)))
                .expectException(InvalidValue.class)
                .expectExceptionMessage("startDate: 2027-02-02 is after today (2027-02-01): a mission starts when all "
                        + "three parties have accepted, never later")
                .expectNoEvents();
    }

    @Test
    void noStartBeforeTheProposal() {
        fixture.given(PROPOSED, accepted(Party.SME), accepted(Party.EMPLOYER))
                .when(accept(Party.VOLUNTEER, PROPOSED_ON.minusDays(1)))
                .expectException(InvalidValue.class)
                .expectExceptionMessage("startDate: 2027-01-19 is before the proposal (2027-01-20): a mission cannot "
                        + "start before it was proposed")
                .expectNoEvents();
    }

    @Test
    void theStartFallsWithinTheNeedsWindowAsThePoolHoldsItAtTheLastAcceptance() {
        fixture.given(PROPOSED, accepted(Party.SME), accepted(Party.EMPLOYER))
                .when(new AcceptMission(M, Party.VOLUNTEER, null, TODAY, LocalDate.of(2027, 2, 10), WINDOW_END))
                .expectException(InvalidValue.class)
                .expectExceptionMessage("startDate: 2027-02-01 is before the need's window, which opens on 2027-02-10")
                .expectNoEvents();
        fixture.given(PROPOSED, accepted(Party.SME), accepted(Party.EMPLOYER))
                .when(new AcceptMission(M, Party.VOLUNTEER, null, TODAY, WINDOW_START, LocalDate.of(2027, 1, 30)))
                .expectException(InvalidValue.class)
                .expectExceptionMessage("startDate: 2027-02-01 is after the need's window, which closed on 2027-01-30")
                .expectNoEvents();
        fixture.given(PROPOSED, accepted(Party.SME), accepted(Party.EMPLOYER))
                .when(new AcceptMission(M, Party.VOLUNTEER, START, TODAY, WINDOW_START, LocalDate.of(2027, 1, 30)))
                .expectEvents(accepted(Party.VOLUNTEER), new MissionStarted(M, NEED, SME, VOL, PARTNER, START));
        fixture.given(PROPOSED, accepted(Party.SME), accepted(Party.EMPLOYER))
                .when(new AcceptMission(M, Party.VOLUNTEER, null, TODAY, null, null))
                .expectEvents(accepted(Party.VOLUNTEER), new MissionStarted(M, NEED, SME, VOL, PARTNER, TODAY));
    }

    @Test
    void onlyTheLastAcceptancesStartDateCounts() {
        fixture.given(PROPOSED)
                .when(accept(Party.SME, TODAY.plusDays(10)))
                .expectEvents(accepted(Party.SME));
    }

    @Test
    void historiesRecordedBeforeTheRulesStillLoadAndTheirProposalDayIsUnknown() {
        MissionProposed older = new MissionProposed(M, NEED, SME, VOL, PARTNER, ProposedBy.CCI, 0.8, null);
        MissionStarted backdated = new MissionStarted(M, NEED, SME, VOL, PARTNER, LocalDate.of(2026, 12, 1));
        fixture.given(older, accepted(Party.SME), accepted(Party.EMPLOYER))
                .when(accept(Party.VOLUNTEER, WINDOW_START))
                .expectEvents(accepted(Party.VOLUNTEER), new MissionStarted(M, NEED, SME, VOL, PARTNER, WINDOW_START));
        fixture.given(older, backdated)
                .when(log("e-1", LocalDate.of(2026, 12, 2), "3", null))
                .expectEvents(logged("e-1", LocalDate.of(2026, 12, 2), "3", null));
    }

    @Test
    void anyPartyRefusingEndsTheProposal() {
        for (Party party : Party.values()) {
            fixture.given(PROPOSED, accepted(Party.SME))
                    .when(new DeclineMission(M, party, "Not now"))
                    .expectEvents(new MissionDeclined(M, NEED, SME, VOL, PARTNER, party, "Not now"));
        }
    }

    @Test
    void nothingButCancellationIsAllowedOnceDeclinedOrFinished() {
        for (Object end : new Object[]{DECLINED, COMPLETED, CANCELLED}) {
            Object[] history = end == DECLINED ? new Object[]{PROPOSED, end} : new Object[]{PROPOSED, STARTED, end};
            String state = end == DECLINED ? "DECLINED" : end == COMPLETED ? "COMPLETED" : "CANCELLED";
            for (Object command : new Object[]{accept(Party.SME, null), new DeclineMission(M, Party.SME, "x"),
                    log("e-1", TODAY, "2", null), new CompleteMission(M, TODAY, "Done", 4), new CancelMission(M, "x")}) {
                fixture.given(history).when(command)
                        .expectException(RuleViolation.class)
                        .expectExceptionMessage(containsString("The mission is " + state));
            }
        }
    }

    @Test
    void aRunningMissionCanNeitherBeAcceptedNorRefused() {
        fixture.given(PROPOSED, STARTED).when(accept(Party.SME, null))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("STARTED"));
        fixture.given(PROPOSED, STARTED).when(new DeclineMission(M, Party.VOLUNTEER, "No"))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("STARTED"));
    }

    @Test
    void aProposalTakesNeitherTimeNorCompletion() {
        fixture.given(PROPOSED).when(log("e-1", TODAY, "2", null))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("PROPOSED"));
        fixture.given(PROPOSED).when(new CompleteMission(M, TODAY, "Done", 4))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("PROPOSED"));
    }

    @Test
    void theCciCancelsAProposalOrARunningMission() {
        fixture.given(PROPOSED).when(new CancelMission(M, "SME closed")).expectEvents(CANCELLED);
        fixture.given(PROPOSED, STARTED).when(new CancelMission(M, "SME closed")).expectEvents(CANCELLED);
    }

    @Test
    void timeIsLoggedFromTheStartToToday() {
        fixture.given(PROPOSED, STARTED).when(log("e-1", START, "3.5", null))
                .expectEvents(logged("e-1", START, "3.5", null));
        fixture.given(PROPOSED, STARTED).when(log("e-1", START.minusDays(1), "3", null))
                .expectException(InvalidValue.class).expectExceptionMessage(containsString("date"));
        fixture.given(PROPOSED, STARTED).when(log("e-1", TODAY.plusDays(1), "3", null))
                .expectException(InvalidValue.class).expectExceptionMessage(containsString("future"));
    }

    @Test
    void noMoreThanTenHoursOnOneDateAllEntriesTogether() {
        fixture.given(PROPOSED, STARTED, logged("e-1", TODAY, "6", null))
                .when(log("e-2", TODAY, "4", null))
                .expectEvents(logged("e-2", TODAY, "4", null));
        fixture.given(PROPOSED, STARTED, logged("e-1", TODAY, "6", null))
                .when(log("e-2", TODAY, "4.5", null))
                .expectException(InvalidValue.class)
                .expectExceptionMessage(allOf(containsString("hours"), containsString("10.5")));
        fixture.given(PROPOSED, STARTED, logged("e-1", TODAY, "6", null))
                .when(log("e-2", TODAY.minusDays(1), "8", null))
                .expectEvents(logged("e-2", TODAY.minusDays(1), "8", null));
    }

    @Test
    void aCorrectionIsANewEntryThatReplacesTheOldOneInTheDailyTotal() {
        fixture.given(PROPOSED, STARTED, logged("e-1", TODAY, "6", null), logged("e-2", TODAY, "4", null))
                .when(log("e-3", TODAY, "5", "e-1"))
                .expectEvents(logged("e-3", TODAY, "5", "e-1"));
        fixture.given(PROPOSED, STARTED, logged("e-1", TODAY, "6", null), logged("e-2", TODAY, "4", null))
                .when(log("e-3", TODAY, "7", "e-1"))
                .expectException(InvalidValue.class).expectExceptionMessage(containsString("hours"));
    }

    @Test
    void aCorrectionMustNameACurrentEntry() {
        fixture.given(PROPOSED, STARTED, logged("e-1", TODAY, "6", null), logged("e-2", TODAY, "5", "e-1"))
                .when(log("e-3", TODAY, "1", "e-1"))
                .expectException(InvalidValue.class).expectExceptionMessage(containsString("correctsEntryId"));
        fixture.given(PROPOSED, STARTED)
                .when(log("e-3", TODAY, "1", "nowhere"))
                .expectException(InvalidValue.class).expectExceptionMessage(containsString("correctsEntryId"));
    }

    @Test
    void theSameEntrySentAgainRecordsNothing() {
        fixture.given(PROPOSED, STARTED, logged("e-1", TODAY, "6", null))
                .when(log("e-1", TODAY, "6", null))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void completionComesAfterTheStartAndAfterLoggedTime() {
        fixture.given(PROPOSED, STARTED, logged("e-1", TODAY, "6", null))
                .when(new CompleteMission(M, TODAY, "Done", 5))
                .expectEvents(COMPLETED);
        fixture.given(PROPOSED, STARTED)
                .when(new CompleteMission(M, START.minusDays(1), "Done", 5))
                .expectException(InvalidValue.class).expectExceptionMessage(containsString("completedOn"));
        fixture.given(PROPOSED, STARTED, logged("e-1", TODAY, "6", null))
                .when(new CompleteMission(M, TODAY.minusDays(1), "Done", 5))
                .expectException(InvalidValue.class).expectExceptionMessage(containsString("completedOn"));
    }
}
