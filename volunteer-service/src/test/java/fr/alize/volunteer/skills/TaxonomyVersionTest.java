package fr.alize.volunteer.skills;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.alize.volunteer.skills.SkillTaxonomyEvents.PublishSkillTaxonomy;
import fr.alize.volunteer.skills.SkillTaxonomyEvents.SkillTaxonomyPublished;
import fr.alize.testing.EventContracts;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TaxonomyVersionTest {

    private final SkillCatalogue catalogue = new SkillCatalogue(
            new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS),
            "skill-taxonomy.json");

    @Test
    void aVersionIsPublishedWithItsSkills() {
        new AggregateTestFixture<>(TaxonomyVersion.class).givenNoPriorActivity()
                .when(new PublishSkillTaxonomy(catalogue.version(), catalogue.skills()))
                .expectEvents(new SkillTaxonomyPublished(catalogue.version(), catalogue.skills()));
    }

    @Test
    void anEmptyVersionIsRefused() {
        new AggregateTestFixture<>(TaxonomyVersion.class).givenNoPriorActivity()
                .when(new PublishSkillTaxonomy("2026.9", List.of()))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void theShippedTaxonomyFollowsTheEventContract() throws Exception {
        String json = new ObjectMapper().writeValueAsString(new SkillTaxonomyPublished(catalogue.version(), catalogue.skills()));
        assertThat(EventContracts.validate("SkillTaxonomyPublished", json)).isEmpty();
    }

    @Test
    void anUnknownIdGetsTheNearestValidOnes() {
        assertThat(catalogue.problemWith("it-requirements")).isEmpty();
        assertThat(catalogue.nearest("it-requirement")).first().isEqualTo("it-requirements");
        assertThat(catalogue.nearest("iso-9000")).contains("iso-9001");
        assertThat(catalogue.problemWith("accounting-genral")).get().asString()
                .contains("2026.1").contains("accounting-general");
    }
}
