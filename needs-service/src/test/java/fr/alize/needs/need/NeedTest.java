package fr.alize.needs.need;

import fr.alize.needs.need.NeedCommands.AmendNeed;
import fr.alize.needs.need.NeedCommands.PublishNeed;
import fr.alize.needs.need.NeedEvents.NeedAmended;
import fr.alize.needs.need.NeedEvents.NeedPublished;
import fr.alize.platform.errors.AccessDeniedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

class NeedTest {

    private static final String NEED = "need-1";
    private static final String SME = "sme-1";
    private static final NeedPublished PUBLISHED = new NeedPublished(NEED, SME, NeedCategory.IT_REQUIREMENTS,
            "Requirements", "Write the spec", new BigDecimal("5"));

    private AggregateTestFixture<Need> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Need.class);
    }

    @Test
    void publishingANeedRecordsIt() {
        fixture.givenNoPriorActivity()
                .when(new PublishNeed(NEED, SME, NeedCategory.IT_REQUIREMENTS, "Requirements", "Write the spec", new BigDecimal("5")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(PUBLISHED);
    }

    @Test
    void amendingRecordsTheNewValues() {
        fixture.given(PUBLISHED)
                .when(new AmendNeed(NEED, SME, "Requirements v2", "Write the spec", new BigDecimal("6.5")))
                .expectEvents(new NeedAmended(NEED, SME, "Requirements v2", "Write the spec", new BigDecimal("6.5")));
    }

    @Test
    void anAmendmentThatChangesNothingRecordsNothing() {
        fixture.given(PUBLISHED)
                .when(new AmendNeed(NEED, SME, "Requirements", "Write the spec", new BigDecimal("5.0")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherSmeMayNotAmend() {
        fixture.given(PUBLISHED)
                .when(new AmendNeed(NEED, "sme-2", "Mine now", "Write the spec", new BigDecimal("5")))
                .expectException(AccessDeniedException.class)
                .expectNoEvents();
    }

    @Test
    void theCciMayAmendAnyNeed() {
        fixture.given(PUBLISHED)
                .when(new AmendNeed(NEED, null, "Requirements", "Write the spec, then review it", new BigDecimal("5")))
                .expectEvents(new NeedAmended(NEED, SME, "Requirements", "Write the spec, then review it", new BigDecimal("5")));
    }
}
