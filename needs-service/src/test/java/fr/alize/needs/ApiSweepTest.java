package fr.alize.needs;

import fr.alize.testing.sweep.ApiSweep;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Bad input on every operation of the OpenAPI document that docs/security.md lists: malformed, mistyped,
 * incomplete, oversized bodies, invalid ids and query values get a 4xx problem+json and append nothing.
 * (The authorization sweep waits for the rows of docs/needs-service.md to be copied into docs/security.md.)
 */
@QuarkusTest
class ApiSweepTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void badInputIsRefusedAndAppendsNothing() {
        ApiSweep.of("needs-service").assertBadInputRefused(() -> EventStoreRows.count(dataSource), NeedsTopic.TOPIC);
    }
}
