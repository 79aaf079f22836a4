package fr.alize.testing.sweep;

import fr.alize.testing.EventStoreRows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

/**
 * The API sweeps as tests; a service's {@code @QuarkusTest class ApiSweepIT extends ApiSweepTestBase} names
 * itself and its topic.
 */
public abstract class ApiSweepTestBase {

    /** The service, as named in the first column of the authorization matrix. */
    protected abstract String service();

    /** The topic the service publishes to: refused requests must not move it. */
    protected abstract String topic();

    /** What the service's requests store, which refused requests must not change: by default its event store. */
    protected long storedRows(DataSource dataSource) {
        return EventStoreRows.count(dataSource);
    }

    @Test
    void everyOperationAnswersEveryCallerAsDocumented() {
        ApiSweep.of(service()).assertAuthorization();
    }

    @Test
    void everyRequestBodyFieldIsBounded() {
        ApiSweep.of(service()).assertRequestBodiesBounded();
    }

    @Test
    void badInputIsRefusedWithAProblemAndAppendsNothing() {
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        ApiSweep.of(service()).assertBadInputRefused(() -> storedRows(dataSource), topic());
    }
}
