package fr.alize.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The layout rules of {@link ArchitectureRules}, on one service's production classes. Each service's
 * {@code ArchitectureTest} extends it with its root package; the classes are read once per test class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceArchitecture {

    private final String service;
    private final boolean keepsAggregates;
    private final JavaClasses classes;

    /**
     * @param keepsAggregates false for a service with no domain model of its own (impact-service): the domain rule then
     *                        passes when it finds nothing, and still holds any aggregate added later
     */
    protected ServiceArchitecture(String service, boolean keepsAggregates) {
        this.service = service;
        this.keepsAggregates = keepsAggregates;
        this.classes = ArchitectureRules.productionClasses(service);
    }

    @Test
    void usesNoClassOfAnotherService() {
        ArchitectureRules.noOtherService(service).check(classes);
    }

    @Test
    void itsDomainModelKnowsNothingOfHttpQuarkusOrCdi() {
        ArchitectureRules.domainModelStandsAlone().allowEmptyShould(!keepsAggregates).check(classes);
    }

    @Test
    void itsResourcesSendNoCommands() {
        ArchitectureRules.resourcesSendNoCommands().check(classes);
    }
}
