package fr.alize.volunteer;

import fr.alize.testing.ServiceArchitecture;

/** The layout rules, on this service's production classes. */
class ArchitectureTest extends ServiceArchitecture {

    ArchitectureTest() {
        super("fr.alize.volunteer", true);
    }
}
