package fr.alize.needs.need;

import fr.alize.domain.InvalidValue;
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
import fr.alize.needs.skills.SkillTaxonomy;
import fr.alize.domain.NotYetDecidable;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NeedTest {

    private static final String NEED = "need-1";
    private static final String SME = "sme-1";
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final NeedDetails DETAILS = new NeedDetails(NeedCategory.IT_REQUIREMENTS, "Requirements",
            "Write the spec", List.of(new Skill("it-requirements", 3), new Skill("retail", 2)), new BigDecimal("5"),
            TODAY.plusDays(7), TODAY.plusMonths(3), "59606");
    private static final NeedPublished PUBLISHED = NeedPublished.of(NEED, SME, DETAILS);
    private static final NeedMatched MATCHED = new NeedMatched(NEED, SME, "mission-1");

    private static final SkillTaxonomy TAXONOMY = new SkillTaxonomy("2026.1", Set.of("it-requirements", "retail", "iso-9001", "iso-14001"));

    private AggregateTestFixture<Need> fixture;
    /** What the need is checked against: the latest skill taxonomy received, none at first in some tests. */
    private Optional<SkillTaxonomy> received = Optional.of(TAXONOMY);

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Need.class);
        fixture.registerInjectableResource((LatestSkillTaxonomy) () -> received);
        fixture.registerInjectableResource(Clock.fixed(TODAY.atStartOfDay(ZoneId.of("Europe/Paris")).toInstant(),
                ZoneId.of("Europe/Paris")));
    }

    private static NeedDetails withWindow(LocalDate start, LocalDate end) {
        return new NeedDetails(DETAILS.category(), DETAILS.title(), DETAILS.description(), DETAILS.skills(),
                DETAILS.effortDays(), start, end, DETAILS.communeCode());
    }

    private static NeedDetails withSkills(List<Skill> skills) {
        return new NeedDetails(DETAILS.category(), DETAILS.title(), DETAILS.description(), skills,
                DETAILS.effortDays(), DETAILS.windowStart(), DETAILS.windowEnd(), DETAILS.communeCode());
    }

    @Test
    void publishingANeedRecordsEveryField() {
        fixture.givenNoPriorActivity()
                .when(new PublishNeed(NEED, SME, DETAILS))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new NeedPublished(NEED, SME, NeedCategory.IT_REQUIREMENTS, "Requirements", "Write the spec",
                        DETAILS.skills(), new BigDecimal("5"), TODAY.plusDays(7), TODAY.plusMonths(3), "59606"));
    }

    @Test
    void theWindowMustStartBeforeItEnds() {
        fixture.givenNoPriorActivity()
                .when(new PublishNeed(NEED, SME, withWindow(TODAY.plusDays(10), TODAY.plusDays(10))))
                .expectException(InvalidValue.class)
                .expectExceptionMessage("windowEnd: must be after windowStart")
                .expectNoEvents();
    }

    @Test
    void theWindowMayNotHaveEnded() {
        fixture.givenNoPriorActivity()
                .when(new PublishNeed(NEED, SME, withWindow(TODAY.minusDays(10), TODAY.minusDays(1))))
                .expectException(InvalidValue.class)
                .expectExceptionMessage("windowEnd: must not be in the past")
                .expectNoEvents();
        // ending today is fine
        fixture.givenNoPriorActivity()
                .when(new PublishNeed(NEED, SME, withWindow(TODAY.minusDays(10), TODAY)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void skillLevelsGoFromOneToFourAndASkillIsListedOnce() {
        fixture.givenNoPriorActivity()
                .when(new PublishNeed(NEED, SME, withSkills(List.of(new Skill("retail", 5), new Skill("iso-9001", 1), new Skill("iso-9001", 2)))))
                .expectException(InvalidValue.class)
                .expectNoEvents()
                .expectExceptionMessage("2 fields are invalid");
    }

    @Test
    void skillIdsMustBeInTheLatestTaxonomyReceivedAndTheNearestAreSuggested() {
        fixture.givenNoPriorActivity()
                .when(new PublishNeed(NEED, SME, withSkills(List.of(new Skill("retail", 2), new Skill("iso-9000", 3)))))
                .expectException(InvalidValue.class)
                .expectNoEvents()
                .expectExceptionMessage("skills[1].skillId: is not in skill taxonomy 2026.1; nearest known ids: iso-9001, iso-14001, retail");
        fixture.given(PUBLISHED)
                .when(new AmendNeed(NEED, SME, withSkills(List.of(new Skill("it-requirement", 3)))))
                .expectException(InvalidValue.class)
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("skills[0].skillId: is not in skill taxonomy 2026.1; nearest known ids: it-requirements"));
    }

    @Test
    void beforeAnyTaxonomyIsReceivedSkillsCannotBeCheckedSoTheNeedWaits() {
        received = Optional.empty();
        fixture.givenNoPriorActivity()
                .when(new PublishNeed(NEED, SME, DETAILS))
                .expectException(NotYetDecidable.class)
                .expectNoEvents();
        fixture.given(PUBLISHED)
                .when(new AmendNeed(NEED, SME, withSkills(List.of(new Skill("retail", 4)))))
                .expectException(NotYetDecidable.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new PublishNeed(NEED, SME, withSkills(List.of())))
                .expectSuccessfulHandlerExecution();
        // another fault is reported first: waiting would not mend it
        fixture.givenNoPriorActivity()
                .when(new PublishNeed(NEED, SME, withSkills(List.of(new Skill("retail", 7)))))
                .expectException(InvalidValue.class);
    }

    @Test
    void effortIsBetweenHalfADayAndSixtyDays() {
        NeedDetails tooMuch = new NeedDetails(DETAILS.category(), DETAILS.title(), DETAILS.description(), DETAILS.skills(),
                new BigDecimal("60.5"), DETAILS.windowStart(), DETAILS.windowEnd(), DETAILS.communeCode());
        fixture.givenNoPriorActivity().when(new PublishNeed(NEED, SME, tooMuch))
                .expectException(InvalidValue.class)
                .expectExceptionMessage("effortDays: must be between 0.5 and 60 days");
    }

    @Test
    void amendingRecordsTheFullNewState() {
        NeedDetails amended = withWindow(TODAY.plusDays(1), TODAY.plusMonths(4));
        fixture.given(PUBLISHED)
                .when(new AmendNeed(NEED, SME, amended))
                .expectEvents(NeedAmended.of(NEED, SME, amended));
    }

    @Test
    void anAmendmentThatChangesNothingRecordsNothing() {
        NeedDetails same = new NeedDetails(DETAILS.category(), DETAILS.title(), DETAILS.description(),
                List.of(new Skill("retail", 2), new Skill("it-requirements", 3)), new BigDecimal("5.0"),
                DETAILS.windowStart(), DETAILS.windowEnd(), DETAILS.communeCode());
        fixture.given(PUBLISHED)
                .when(new AmendNeed(NEED, SME, same))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anAmendmentObeysThePublicationRules() {
        fixture.given(PUBLISHED)
                .when(new AmendNeed(NEED, SME, withWindow(TODAY.minusDays(9), TODAY.minusDays(2))))
                .expectException(InvalidValue.class)
                .expectNoEvents();
    }

    @Test
    void aMatchedNeedCannotBeAmendedNorWithdrawn() {
        fixture.given(PUBLISHED, MATCHED)
                .when(new AmendNeed(NEED, SME, withWindow(TODAY.plusDays(1), TODAY.plusMonths(4))))
                .expectException(RuleViolation.class)
                .expectNoEvents();
        fixture.given(PUBLISHED, MATCHED)
                .when(new WithdrawNeed(NEED, SME, "changed our mind"))
                .expectException(RuleViolation.class);
    }

    @Test
    void anotherSmeMayNotAmendNorWithdraw() {
        fixture.given(PUBLISHED)
                .when(new AmendNeed(NEED, "sme-2", DETAILS))
                .expectException(NotPermitted.class)
                .expectNoEvents();
        fixture.given(PUBLISHED)
                .when(new WithdrawNeed(NEED, "sme-2", "mine"))
                .expectException(NotPermitted.class);
    }

    @Test
    void theCciMayAmendAnyNeed() {
        NeedDetails amended = withSkills(List.of(new Skill("it-requirements", 4)));
        fixture.given(PUBLISHED)
                .when(new AmendNeed(NEED, null, amended))
                .expectEvents(NeedAmended.of(NEED, SME, amended));
    }

    @Test
    void withdrawingKeepsTheReasonAndClosesTheNeed() {
        fixture.given(PUBLISHED)
                .when(new WithdrawNeed(NEED, SME, "We hired an IT manager"))
                .expectEvents(new NeedWithdrawn(NEED, SME, "We hired an IT manager"));
        fixture.given(PUBLISHED, new NeedWithdrawn(NEED, SME, "x"))
                .when(new WithdrawNeed(NEED, SME, "again"))
                .expectException(RuleViolation.class);
        fixture.given(PUBLISHED, new NeedWithdrawn(NEED, SME, "x"))
                .when(new AmendNeed(NEED, SME, DETAILS))
                .expectException(RuleViolation.class);
    }

    @Test
    void anOpenNeedExpiresOnlyOnceItsWindowHasEnded() {
        NeedPublished endsToday = NeedPublished.of(NEED, SME, withWindow(TODAY.minusDays(20), TODAY));
        fixture.given(endsToday).when(new ExpireNeed(NEED))
                .expectResultMessagePayload(false).expectNoEvents();
        NeedPublished endedYesterday = NeedPublished.of(NEED, SME, withWindow(TODAY.minusDays(20), TODAY.minusDays(1)));
        fixture.given(endedYesterday).when(new ExpireNeed(NEED))
                .expectResultMessagePayload(true)
                .expectEvents(new NeedExpired(NEED, SME, TODAY.minusDays(1)));
        fixture.given(endedYesterday, new NeedMatched(NEED, SME, "m")).when(new ExpireNeed(NEED))
                .expectResultMessagePayload(false).expectNoEvents();
        fixture.given(endedYesterday, new NeedExpired(NEED, SME, TODAY.minusDays(1))).when(new ExpireNeed(NEED))
                .expectNoEvents();
    }

    @Test
    void aStartedMissionMatchesTheNeedOnce() {
        fixture.given(PUBLISHED).when(new RecordMissionStarted(NEED, "mission-1"))
                .expectEvents(MATCHED).expectResultMessagePayload(null);
        fixture.given(PUBLISHED, MATCHED).when(new RecordMissionStarted(NEED, "mission-1"))
                .expectNoEvents().expectResultMessagePayload(null);
    }

    @Test
    void aSecondMissionOnAMatchedNeedIsReportedNotApplied() {
        fixture.given(PUBLISHED, MATCHED).when(new RecordMissionStarted(NEED, "mission-2"))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(org.hamcrest.Matchers.containsString("MATCHED"));
        fixture.given(PUBLISHED, new NeedWithdrawn(NEED, SME, "x")).when(new RecordMissionStarted(NEED, "mission-2"))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(org.hamcrest.Matchers.containsString("WITHDRAWN"));
    }

    @Test
    void theCompletedMissionFulfilsTheNeed() {
        fixture.given(PUBLISHED, MATCHED).when(new RecordMissionCompleted(NEED, "mission-1"))
                .expectEvents(new NeedFulfilled(NEED, SME, "mission-1"));
        fixture.given(PUBLISHED, MATCHED, new NeedFulfilled(NEED, SME, "mission-1"))
                .when(new RecordMissionCompleted(NEED, "mission-1"))
                .expectNoEvents().expectResultMessagePayload(null);
        fixture.given(PUBLISHED).when(new RecordMissionCompleted(NEED, "mission-1"))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(org.hamcrest.Matchers.containsString("not matched to this mission"));
    }

    @Test
    void aCancelledMissionReopensTheNeedItMatched() {
        fixture.given(PUBLISHED, MATCHED).when(new RecordMissionEnded(NEED, "mission-1", "Mission cancelled: closed"))
                .expectEvents(new NeedReopened(NEED, SME, "mission-1", "Mission cancelled: closed"));
        // reopened, the need may be amended and matched again
        fixture.given(PUBLISHED, MATCHED, new NeedReopened(NEED, SME, "mission-1", "r"))
                .when(new RecordMissionStarted(NEED, "mission-2"))
                .expectEvents(new NeedMatched(NEED, SME, "mission-2"));
    }

    @Test
    void aProposalDeclinedBeforeAnyStartLeavesTheNeedAsItIs() {
        fixture.given(PUBLISHED).when(new RecordMissionEnded(NEED, "mission-1", "declined"))
                .expectNoEvents().expectResultMessagePayload(null);
        fixture.given(PUBLISHED, MATCHED).when(new RecordMissionEnded(NEED, "mission-9", "declined"))
                .expectNoEvents();
    }

    @Test
    void detailsCompareWithoutOrderOrScale() {
        assertThat(DETAILS.sameAs(withSkills(List.of(new Skill("retail", 2), new Skill("it-requirements", 3))))).isTrue();
        assertThat(DETAILS.sameAs(withSkills(List.of(new Skill("retail", 3), new Skill("it-requirements", 3))))).isFalse();
    }
}
