package fr.alize.impact;

import com.tngtech.archunit.core.domain.JavaClasses;
import fr.alize.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The layout rules of {@link ArchitectureRules}, on this service's production classes. */
class ArchitectureTest {

    static final JavaClasses CLASSES = ArchitectureRules.productionClasses("fr.alize.impact");

    @Test
    void usesNoClassOfAnotherService() {
        ArchitectureRules.noOtherService("fr.alize.impact").check(CLASSES);
    }
}
