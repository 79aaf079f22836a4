package fr.alize.matching;

import fr.alize.testing.AlizeInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** A real PostgreSQL (database {@code matching}) and a real Kafka broker, started once for every test class. */
@QuarkusTestResource(value = AlizeInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "matching"))
public final class MatchingInfra {
    private MatchingInfra() {
    }
}
