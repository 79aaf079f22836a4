package fr.alize.impact;

import fr.alize.testing.sweep.ApiSweepTestBase;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every operation of the OpenAPI document answers every kind of caller as docs/security.md says, and bad input
 * (malformed, mistyped, incomplete, oversized bodies, invalid ids) gets a 4xx problem+json and appends nothing.
 */
@QuarkusTest
class ApiSweepIT extends ApiSweepTestBase {

    @Override
    protected String service() {
        return "impact-service";
    }

    @Override
    protected String topic() {
        return "alize.impact";
    }
}
