package fr.alize.volunteer;

import com.tngtech.archunit.core.domain.JavaClasses;
import fr.alize.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The layout rules of {@link ArchitectureRules}, on this service's production classes. */
class ArchitectureTest {

    static final JavaClasses CLASSES = ArchitectureRules.productionClasses("fr.alize.volunteer");

    @Test
    void usesNoClassOfAnotherService() {
        ArchitectureRules.noOtherService("fr.alize.volunteer").check(CLASSES);
    }

    @Test
    void itsDomainModelKnowsNothingOfHttpQuarkusOrCdi() {
        ArchitectureRules.domainModelStandsAlone().check(CLASSES);
    }

    @Test
    void itsResourcesSendNoCommands() {
        ArchitectureRules.resourcesSendNoCommands().check(CLASSES);
    }
}
