package fr.alize.needs.sme;

import fr.alize.domain.InvalidValue;
import fr.alize.domain.RuleViolation;
import fr.alize.needs.sme.SmeCommands.ApplySme;
import fr.alize.needs.sme.SmeCommands.DecideOnApplication;
import fr.alize.needs.sme.SmeCommands.DeclareHeadcount;
import fr.alize.needs.sme.SmeCommands.EraseSmeContact;
import fr.alize.needs.sme.SmeCommands.ReportJobs;
import fr.alize.needs.sme.SmeCommands.UpdateSmeProfile;
import fr.alize.needs.sme.SmeEvents.HeadcountDeclared;
import fr.alize.needs.sme.SmeEvents.JobsReported;
import fr.alize.needs.sme.SmeEvents.SmeApplied;
import fr.alize.needs.sme.SmeEvents.SmeApproved;
import fr.alize.needs.sme.SmeEvents.SmeContactErased;
import fr.alize.needs.sme.SmeEvents.SmeProfileUpdated;
import fr.alize.needs.sme.SmeEvents.SmeRejected;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class SmeTest {

    private static final String SME = "sme-1";
    private static final String SIRET = "73282932000074";
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final LocalDate APPROVED_ON = TODAY.minusMonths(2);
    private static final SmeApplied APPLIED = new SmeApplied(SME, SIRET, "Fleurs du Hainaut", "47.76Z", "59606", 17, 3);
    private static final SmeApproved APPROVED = new SmeApproved(SME, "good plan", APPROVED_ON);

    private AggregateTestFixture<Sme> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Sme.class);
        fixture.registerInjectableResource(Clock.fixed(TODAY.atTime(10, 0).atZone(ZoneId.of("Europe/Paris")).toInstant(),
                ZoneId.of("Europe/Paris")));
    }

    @Test
    void siretsAreFourteenDigitsWithALuhnChecksum() {
        assertThat(Siret.isValid("73282932000074")).isTrue();
        assertThat(Siret.isValid("73282932000075")).isFalse();
        assertThat(Siret.isValid("7328293200007")).isFalse();
        assertThat(Siret.isValid("7328293200007A")).isFalse();
        assertThat(Siret.isValid(null)).isFalse();
    }

    @Test
    void anApplicationRecordsTheCompanyAndItsHiringPlan() {
        fixture.givenNoPriorActivity()
                .when(new ApplySme(SME, SIRET, "Fleurs du Hainaut", "47.76Z", "59606", 17, 3))
                .expectEvents(APPLIED);
    }

    @Test
    void aSiretWithABadChecksumIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new ApplySme(SME, "73282932000075", "Fleurs", "47.76Z", "59606", 17, 3))
                .expectException(InvalidValue.class)
                .expectExceptionMessage("siret: must be 14 digits with a valid checksum")
                .expectNoEvents();
    }

    @Test
    void aCompanyOf250OrMoreIsNoSme() {
        fixture.givenNoPriorActivity()
                .when(new ApplySme(SME, SIRET, "Big", "47.76Z", "59606", 250, 3))
                .expectException(InvalidValue.class)
                .expectNoEvents();
    }

    @Test
    void theCommitteeApprovesOrRejectsOnceWithAReason() {
        fixture.given(APPLIED)
                .when(new DecideOnApplication(SME, Decision.APPROVED, "good plan"))
                .expectEvents(new SmeApproved(SME, "good plan", TODAY));
        fixture.given(APPLIED)
                .when(new DecideOnApplication(SME, Decision.REJECTED, "too big"))
                .expectEvents(new SmeRejected(SME, "too big", TODAY));
        fixture.given(APPLIED, APPROVED)
                .when(new DecideOnApplication(SME, Decision.REJECTED, "second thoughts"))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aProfileUpdateRecordsOnlyWhatChanged() {
        fixture.given(APPLIED, APPROVED)
                .when(new UpdateSmeProfile(SME, "Fleurs du Hainaut", null, "59178", 19, false))
                .expectEvents(new SmeProfileUpdated(SME, null, null, "59178", 19, false));
        fixture.given(APPLIED)
                .when(new UpdateSmeProfile(SME, null, null, null, null, true))
                .expectEvents(new SmeProfileUpdated(SME, null, null, null, null, true));
        fixture.given(APPLIED)
                .when(new UpdateSmeProfile(SME, "Fleurs du Hainaut", "47.76Z", null, 17, false))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theContactMayBeErasedWhateverTheStatusARejectedSmeIncluded() {
        fixture.given(APPLIED, APPROVED)
                .when(new EraseSmeContact(SME))
                .expectEvents(new SmeContactErased(SME));
        fixture.given(APPLIED, new SmeRejected(SME, "no", TODAY))
                .when(new EraseSmeContact(SME))
                .expectEvents(new SmeContactErased(SME));
    }

    @Test
    void aRejectedApplicationIsClosed() {
        fixture.given(APPLIED, new SmeRejected(SME, "no", TODAY))
                .when(new UpdateSmeProfile(SME, null, null, null, 18, false))
                .expectException(RuleViolation.class);
    }

    @Test
    void headcountIsDeclaredAtAPastDateAfterApproval() {
        fixture.given(APPLIED, APPROVED)
                .when(new DeclareHeadcount(SME, TODAY, 21))
                .expectEvents(new HeadcountDeclared(SME, TODAY, 21));
        fixture.given(APPLIED, APPROVED)
                .when(new DeclareHeadcount(SME, TODAY.plusDays(1), 21))
                .expectException(InvalidValue.class)
                .expectExceptionMessage("date: must not be in the future");
        fixture.given(APPLIED, APPROVED)
                .when(new DeclareHeadcount(SME, APPROVED_ON, 21))
                .expectEvents(new HeadcountDeclared(SME, APPROVED_ON, 21));
        fixture.given(APPLIED, APPROVED)
                .when(new DeclareHeadcount(SME, APPROVED_ON.minusDays(1), 21))
                .expectException(InvalidValue.class)
                .expectExceptionMessage("date: must not be before the SME's approval on " + APPROVED_ON)
                .expectNoEvents();
        fixture.given(APPLIED, APPROVED)
                .when(new DeclareHeadcount(SME, TODAY, -1))
                .expectException(InvalidValue.class)
                .expectExceptionMessage("headcount: must not be negative");
    }

    @Test
    void nothingIsReportedBeforeApproval() {
        fixture.given(APPLIED)
                .when(new DeclareHeadcount(SME, TODAY, 18))
                .expectException(RuleViolation.class)
                .expectNoEvents();
        fixture.given(APPLIED)
                .when(new ReportJobs(SME, "r1", TODAY, 1, JobKind.CREATED, ContractType.CDI))
                .expectException(RuleViolation.class);
        fixture.given(APPLIED, new SmeRejected(SME, "no", TODAY))
                .when(new ReportJobs(SME, "r1", TODAY, 1, JobKind.CREATED, ContractType.CDI))
                .expectException(RuleViolation.class);
    }

    @Test
    void jobsAreReportedWithKindAndContractType() {
        fixture.given(APPLIED, APPROVED)
                .when(new ReportJobs(SME, "r1", APPROVED_ON, 2, JobKind.PRESERVED, ContractType.APPRENTICESHIP))
                .expectEvents(new JobsReported(SME, "r1", APPROVED_ON, 2, JobKind.PRESERVED, ContractType.APPRENTICESHIP));
        fixture.given(APPLIED, APPROVED)
                .when(new ReportJobs(SME, "r1", TODAY, 0, JobKind.CREATED, ContractType.CDI))
                .expectException(InvalidValue.class)
                .expectExceptionMessage("count: must be at least 1");
        fixture.given(APPLIED, APPROVED)
                .when(new ReportJobs(SME, "r1", TODAY.plusDays(3), 1, JobKind.CREATED, ContractType.CDI))
                .expectException(InvalidValue.class);
        fixture.given(APPLIED, APPROVED)
                .when(new ReportJobs(SME, "r1", APPROVED_ON.minusDays(1), 1, JobKind.CREATED, ContractType.CDI))
                .expectException(InvalidValue.class)
                .expectExceptionMessage("date: must not be before the SME's approval on " + APPROVED_ON)
                .expectNoEvents();
    }

    @Test
    void theLatestDeclarationIsTheCurrentHeadcountForLaterUpdates() {
        fixture.given(APPLIED, APPROVED, new HeadcountDeclared(SME, TODAY, 21), new HeadcountDeclared(SME, TODAY.minusDays(5), 19))
                .when(new UpdateSmeProfile(SME, null, null, null, 21, false))
                .expectNoEvents();
    }
}
