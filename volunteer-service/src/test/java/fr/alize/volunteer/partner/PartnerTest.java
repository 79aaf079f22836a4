package fr.alize.volunteer.partner;

import fr.alize.volunteer.partner.PartnerCommands.EnrolPartner;
import fr.alize.volunteer.partner.PartnerCommands.Pledge;
import fr.alize.volunteer.partner.PartnerCommands.SetPledge;
import fr.alize.volunteer.partner.PartnerEvents.PartnerEnrolled;
import fr.alize.volunteer.partner.PartnerEvents.PartnerPledgeSet;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

class PartnerTest {

    private static final String PARTNER = "partner-1";
    private static final PartnerEnrolled ENROLLED = new PartnerEnrolled(PARTNER, "Alstom Transport", "Alstom", "Petite-Forêt", "59459");
    private static final PartnerPledgeSet PLEDGE_2026 = new PartnerPledgeSet(PARTNER, 2026, 100, new BigDecimal("600"));

    private AggregateTestFixture<Partner> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Partner.class);
    }

    @Test
    void enrollingWithAPledgeRecordsBoth() {
        fixture.givenNoPriorActivity()
                .when(new EnrolPartner(PARTNER, "Alstom Transport", "Alstom", "Petite-Forêt", "59459",
                        new Pledge(2026, 100, new BigDecimal("600"))))
                .expectEvents(ENROLLED, PLEDGE_2026);
    }

    @Test
    void enrollingWithoutAPledgeRecordsTheCompanyOnly() {
        fixture.givenNoPriorActivity()
                .when(new EnrolPartner(PARTNER, "Alstom Transport", "Alstom", "Petite-Forêt", "59459", null))
                .expectEvents(ENROLLED);
    }

    @Test
    void eachYearHasItsOwnPledgeAndTheSamePledgeAgainRecordsNothing() {
        fixture.given(ENROLLED, PLEDGE_2026)
                .when(new SetPledge(PARTNER, new Pledge(2026, 100, new BigDecimal("600.00"))))
                .expectNoEvents();
        fixture.given(ENROLLED, PLEDGE_2026)
                .when(new SetPledge(PARTNER, new Pledge(2027, 100, new BigDecimal("600"))))
                .expectEvents(new PartnerPledgeSet(PARTNER, 2027, 100, new BigDecimal("600")));
        fixture.given(ENROLLED, PLEDGE_2026)
                .when(new SetPledge(PARTNER, new Pledge(2026, 140, new BigDecimal("650"))))
                .expectEvents(new PartnerPledgeSet(PARTNER, 2026, 140, new BigDecimal("650")));
    }
}
