package fr.alize.volunteer;

import fr.alize.testing.EventContracts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples in this service's event schemas (docs/events/volunteers) are valid: consumers are fed them. */
class EventExamplesTest {

    @ParameterizedTest
    @ValueSource(strings = {"PartnerEnrolled", "PartnerPledgeSet", "VolunteerRegistered", "VolunteerUpdated",
            "VolunteerPaused", "VolunteerResumed", "VolunteerOffboarded", "VolunteerPersonalDataErased", "SkillTaxonomyPublished"})
    void everyExampleFollowsItsSchema(String type) {
        assertThat(EventContracts.examples(type)).isNotEmpty()
                .allSatisfy(example -> assertThat(EventContracts.validate(type, example)).isEmpty());
    }
}
