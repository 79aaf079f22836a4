package fr.alize.volunteer;

import fr.alize.testing.AlizeInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * The one test resource of this module: a real PostgreSQL (database {@code volunteer}) and a real Kafka broker,
 * started once for every test class.
 */
@QuarkusTestResource(value = AlizeInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "volunteer"))
public final class VolunteerInfra {
    private VolunteerInfra() {
    }
}
