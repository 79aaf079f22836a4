package fr.alize.volunteer.volunteer;

import fr.alize.domain.NotPermitted;
import fr.alize.domain.RuleViolation;
import fr.alize.volunteer.volunteer.VolunteerCommands.ErasePersonalData;
import fr.alize.volunteer.volunteer.VolunteerCommands.OffboardVolunteer;
import fr.alize.volunteer.volunteer.VolunteerCommands.PauseVolunteer;
import fr.alize.volunteer.volunteer.VolunteerCommands.RegisterVolunteer;
import fr.alize.volunteer.volunteer.VolunteerCommands.ResumeVolunteer;
import fr.alize.volunteer.volunteer.VolunteerCommands.UpdateVolunteer;
import fr.alize.volunteer.volunteer.VolunteerEvents.VolunteerOffboarded;
import fr.alize.volunteer.volunteer.VolunteerEvents.VolunteerPaused;
import fr.alize.volunteer.volunteer.VolunteerEvents.VolunteerPersonalDataErased;
import fr.alize.volunteer.volunteer.VolunteerEvents.VolunteerRegistered;
import fr.alize.volunteer.volunteer.VolunteerEvents.VolunteerResumed;
import fr.alize.volunteer.volunteer.VolunteerEvents.VolunteerUpdated;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

class VolunteerTest {

    private static final String VOLUNTEER = "volunteer-1";
    private static final String PARTNER = "partner-1";
    private static final Profile PROFILE = new Profile(
            List.of(new SkillLevel("it-requirements", 3), new SkillLevel("accounting-general", 1)), 2,
            List.of(new Absence(LocalDate.of(2026, 7, 20), LocalDate.of(2026, 8, 14))), "59606", 40);
    private static final VolunteerRegistered REGISTERED = VolunteerRegistered.of(VOLUNTEER, PARTNER, PROFILE);
    private static final VolunteerOffboarded OFFBOARDED = new VolunteerOffboarded(VOLUNTEER, PARTNER, OffboardReason.LEFT_COMPANY);

    private AggregateTestFixture<Volunteer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Volunteer.class);
    }

    @Test
    void registeringRecordsTheProfileInNormalForm() {
        Profile unordered = new Profile(List.of(new SkillLevel("it-requirements", 3), new SkillLevel("accounting-general", 1)),
                2, PROFILE.absences(), "59606", 40);
        fixture.givenNoPriorActivity()
                .when(new RegisterVolunteer(VOLUNTEER, PARTNER, unordered))
                .expectEvents(REGISTERED);
    }

    @Test
    void anUpdateRecordsTheFullNewProfile() {
        Profile changed = new Profile(List.of(new SkillLevel("it-requirements", 4)), 3, List.of(), "59350", 60);
        fixture.given(REGISTERED)
                .when(new UpdateVolunteer(VOLUNTEER, PARTNER, changed))
                .expectEvents(VolunteerUpdated.of(VOLUNTEER, PARTNER, changed));
    }

    @Test
    void anUpdateThatChangesNothingRecordsNothingWhateverTheOrderOfSkills() {
        Profile same = new Profile(List.of(new SkillLevel("accounting-general", 1), new SkillLevel("it-requirements", 3)),
                2, PROFILE.absences(), "59606", 40);
        fixture.given(REGISTERED)
                .when(new UpdateVolunteer(VOLUNTEER, null, same))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherPartnerMayNotTouchTheVolunteer() {
        fixture.given(REGISTERED)
                .when(new PauseVolunteer(VOLUNTEER, "partner-2"))
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void pauseAndResumeOnlyRecordRealChanges() {
        fixture.given(REGISTERED).when(new PauseVolunteer(VOLUNTEER, PARTNER)).expectEvents(new VolunteerPaused(VOLUNTEER, PARTNER));
        fixture.given(REGISTERED, new VolunteerPaused(VOLUNTEER, PARTNER)).when(new PauseVolunteer(VOLUNTEER, PARTNER)).expectNoEvents();
        fixture.given(REGISTERED).when(new ResumeVolunteer(VOLUNTEER, PARTNER)).expectNoEvents();
        fixture.given(REGISTERED, new VolunteerPaused(VOLUNTEER, PARTNER)).when(new ResumeVolunteer(VOLUNTEER, null))
                .expectEvents(new VolunteerResumed(VOLUNTEER, PARTNER));
    }

    @Test
    void offboardingIsFinal() {
        fixture.given(REGISTERED).when(new OffboardVolunteer(VOLUNTEER, PARTNER, OffboardReason.LEFT_COMPANY)).expectEvents(OFFBOARDED);
        fixture.given(REGISTERED, OFFBOARDED).when(new OffboardVolunteer(VOLUNTEER, PARTNER, OffboardReason.STOPPED_VOLUNTEERING)).expectNoEvents();
        fixture.given(REGISTERED, OFFBOARDED).when(new PauseVolunteer(VOLUNTEER, PARTNER)).expectException(RuleViolation.class);
        fixture.given(REGISTERED, OFFBOARDED).when(new ResumeVolunteer(VOLUNTEER, PARTNER)).expectException(RuleViolation.class);
        fixture.given(REGISTERED, OFFBOARDED).when(new UpdateVolunteer(VOLUNTEER, PARTNER, PROFILE)).expectException(RuleViolation.class);
    }

    @Test
    void erasureOffboardsFirstAndHappensOnce() {
        fixture.given(REGISTERED)
                .when(new ErasePersonalData(VOLUNTEER, PARTNER))
                .expectEvents(new VolunteerOffboarded(VOLUNTEER, PARTNER, OffboardReason.ERASURE_REQUESTED),
                        new VolunteerPersonalDataErased(VOLUNTEER, PARTNER));
        fixture.given(REGISTERED, OFFBOARDED)
                .when(new ErasePersonalData(VOLUNTEER, null))
                .expectEvents(new VolunteerPersonalDataErased(VOLUNTEER, PARTNER));
        fixture.given(REGISTERED, OFFBOARDED, new VolunteerPersonalDataErased(VOLUNTEER, PARTNER))
                .when(new ErasePersonalData(VOLUNTEER, PARTNER))
                .expectNoEvents();
        fixture.given(REGISTERED)
                .when(new ErasePersonalData(VOLUNTEER, "partner-2"))
                .expectException(NotPermitted.class);
    }
}
