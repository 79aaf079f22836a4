package fr.alize.volunteer.hr;

import fr.alize.platform.errors.ServiceUnavailableException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bulk requests beyond the allowed number wait their turn, and one that waits too long is refused without running. */
class BulkAdmissionTest {

    @Test
    void aRequestBeyondTheLimitIsRefusedWithoutRunningWhileTheOthersHoldTheirTurn() throws Exception {
        BulkAdmission admission = new BulkAdmission(1, Duration.ofMillis(100));
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<String> first = holdingItsTurn(admission, finish);

        AtomicBoolean ran = new AtomicBoolean();
        assertThatThrownBy(() -> admission.run(() -> ran.getAndSet(true)))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("nothing was changed");
        assertThat(ran).isFalse();

        finish.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(admission.run(() -> "after")).isEqualTo("after");
    }

    @Test
    void aRequestThatWaitsGetsItsTurnOnceOneEnds() throws Exception {
        BulkAdmission admission = new BulkAdmission(1, Duration.ofSeconds(30));
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<String> first = holdingItsTurn(admission, finish);
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> admission.run(() -> "second"));
        assertThat(second).isNotDone();

        finish.countDown();
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("second");
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
    }

    @Test
    void aFailedRequestGivesItsTurnBack() {
        BulkAdmission admission = new BulkAdmission(1, Duration.ofMillis(100));
        assertThatThrownBy(() -> admission.run(() -> {
            throw new IllegalStateException("a chunk failed");
        })).hasMessage("a chunk failed");
        assertThat(admission.run(() -> "next")).isEqualTo("next");
    }

    /** A request that runs, holding its turn, until {@code finish} is counted down; returned once it runs. */
    private static CompletableFuture<String> holdingItsTurn(BulkAdmission admission, CountDownLatch finish) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> admission.run(() -> {
            running.countDown();
            await(finish);
            return "first";
        }));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        return first;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
