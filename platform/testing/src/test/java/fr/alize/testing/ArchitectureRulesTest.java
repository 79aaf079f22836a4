package fr.alize.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import fr.alize.needs.archfixture.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The layout rules find what breaks them, and the platform keeps them. */
class ArchitectureRulesTest {

    static final JavaClasses FIXTURES = new ClassFileImporter().importClasses(Fixtures.class, Fixtures.UsesMatching.class,
            Fixtures.CdiAggregate.class, Fixtures.FixtureCommands.class, Fixtures.FixtureCommands.Publish.class,
            Fixtures.CleanAggregate.class, Fixtures.ResourceSendingThroughTheGateway.class,
            Fixtures.ResourceSendingThroughCommands.class, Fixtures.TranslatingResource.class,
            Fixtures.ApplicationService.class);

    @Test
    void aServiceUsingAnotherServicesClassIsNamed() {
        EvaluationResult result = ArchitectureRules.noOtherService("fr.alize.needs").evaluate(FIXTURES);

        assertThat(result.hasViolation()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails()))
                .contains("Fixtures$UsesMatching").contains("MatchingThing");
    }

    @Test
    void anAggregateOrACommandReachingForCdiOrTheWebLayerIsNamedAndACleanOneIsNot() {
        EvaluationResult result = ArchitectureRules.domainModelStandsAlone().evaluate(FIXTURES);

        String details = String.join("\n", result.getFailureReport().getDetails());
        assertThat(details).contains("Fixtures$CdiAggregate").contains("jakarta.enterprise.event.Event")
                .contains("FixtureCommands$Publish").contains("fr.alize.platform.web.Page")
                .doesNotContain("CleanAggregate");
    }

    @Test
    void aResourceSendingACommandIsNamedAndOneCallingTheApplicationLayerIsNot() {
        EvaluationResult result = ArchitectureRules.resourcesSendNoCommands().evaluate(FIXTURES);

        String details = String.join("\n", result.getFailureReport().getDetails());
        assertThat(result.hasViolation()).isTrue();
        assertThat(details).contains("Fixtures$ResourceSendingThroughTheGateway").contains("CommandGateway")
                .contains("Fixtures$ResourceSendingThroughCommands").contains("fr.alize.platform.axon.Commands")
                .doesNotContain("TranslatingResource").doesNotContain("Fixtures$ApplicationService");
    }

    @Test
    void thePlatformUsesNoService() {
        ArchitectureRules.platformUsesNoService().check(ArchitectureRules.productionClasses("fr.alize.platform"));
    }
}
