package fr.alize.needs;

import fr.alize.testing.sweep.ApiSweep;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Bad input on every operation of the OpenAPI document that docs/security.md lists: malformed, mistyped,
 * incomplete, oversized bodies, invalid ids and query values get a 4xx problem+json and append nothing.
 * Authorization: every operation answers every kind of caller as the matrix of docs/security.md says.
 */
@QuarkusTest
class ApiSweepTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyOperationAnswersEveryCallerAsDocumented() {
        ApiSweep.of("needs-service").assertAuthorization();
    }

    @Test
    void badInputIsRefusedAndAppendsNothing() {
        ApiSweep.of("needs-service").assertBadInputRefused(() -> EventStoreRows.count(dataSource), NeedsTopic.TOPIC);
    }
}
