package fr.alize.impact.eventlog;

import fr.alize.impact.OtherInstance;
import fr.alize.impact.TestEvents;
import fr.alize.impact.TestEvents.Mission;
import fr.alize.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static fr.alize.impact.TestEvents.id;
import static fr.alize.impact.eventlog.RebuildIT.awaitNoRebuildRunning;
import static fr.alize.impact.eventlog.RebuildIT.figures;
import static fr.alize.impact.eventlog.RebuildIT.rebuildStatus;
import static fr.alize.impact.eventlog.RebuildIT.status;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * One rebuild at a time across every instance, and the same status everywhere: what another instance would do is
 * done on a plain JDBC connection of its own (its advisory lock, its rows), or by ending this instance's session.
 */
@QuarkusTest
class RebuildAcrossInstancesIT {

    static final int REBUILD = 1;
    static final String OTHER = "12345@other-host:8094";

    @Inject
    TestRebuildSeams seams;

    /** Once: some missions on the topics, so that a rebuild copies several small batches. */
    @BeforeEach
    void someEvents() {
        TestEvents.once(this, () -> {
            awaitNoRebuildRunning();
            long before = status().getLong("events");
            for (int i = 0; i < 60; i++) {
                Mission mission = Mission.of(id(), id());
                mission.event("MissionProposed").version(0).sendLater();
                mission.started("2046-0" + (1 + i % 9) + "-01").version(1).sendLater();
                mission.logged(id(), "2046-0" + (1 + i % 9) + "-02", 3, null).version(2).sendLater();
            }
            TestEvents.flush();
            await().atMost(Duration.ofSeconds(60)).until(() -> status().getLong("events") == before + 180);
        });
        awaitNoRebuildRunning();
    }

    @AfterEach
    void reset() {
        seams.reset();
    }

    @Test
    void aRebuildRunningOnAnotherInstanceIsSeenHereAndRefusesASecondOne() throws Exception {
        int generation = status().getInt("generation");
        try (OtherInstance other = OtherInstance.connect()) {
            assertThat(other.tryLock(REBUILD)).isTrue();
            other.inTransaction("DELETE FROM event_log_rebuild_position", "DELETE FROM event_log_rebuild", """
                    INSERT INTO event_log_rebuild (id, state, owner, holder_pid, heartbeat_at, from_generation,
                        to_generation, copy_started_at, started_at, total, records_read, stored, skipped, resumed)
                    VALUES (1, 'RUNNING', '%s', %d, now(), %d, %d, now(), now(), 1000, 400, 380, 20, FALSE)"""
                    .formatted(OTHER, other.pid(), generation, generation + 1));

            rebuildStatus(); // any instance answers what the database holds
            given().auth().oauth2(Tokens.cci()).when().get("/events/rebuild").then().statusCode(200)
                    .body("state", equalTo("RUNNING")).body("owner", equalTo(OTHER)).body("read", equalTo(400))
                    .body("total", equalTo(1000)).body("progress", equalTo(0.4f))
                    .body("toGeneration", equalTo(generation + 1));
            given().auth().oauth2(Tokens.cci()).when().post("/events/rebuild").then().statusCode(409)
                    .contentType("application/problem+json").body("status", equalTo(409))
                    .body("detail", containsString("running on " + OTHER)).body("detail", containsString("40% done"));

            // the other instance fails, and says so: every instance reports it
            other.inTransaction("""
                    UPDATE event_log_rebuild SET state = 'FAILED', problem = 'disk full', finished_at = now() WHERE id = 1""");
            other.unlock(REBUILD);
            given().auth().oauth2(Tokens.cci()).when().get("/events/rebuild").then().statusCode(200)
                    .body("state", equalTo("FAILED")).body("problem", equalTo("disk full")).body("owner", equalTo(OTHER));
            other.inTransaction("DELETE FROM event_log_rebuild");
        }
        assertThat(rebuildStatus().getString("state")).isEqualTo("IDLE");
        assertThat(status().getInt("generation")).as("nothing switched").isEqualTo(generation);
    }

    @Test
    void twoRebuildsAskedAtOnceGiveOne202AndOne409() throws Exception {
        CountDownLatch answered = new CountDownLatch(1);
        seams.onEndOffsets(() -> awaitQuietly(answered)); // the first one runs until both have answered
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> asks = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() -> {
            try {
                together.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return given().auth().oauth2(Tokens.cci()).when().post("/events/rebuild").then().extract().statusCode();
        })).toList();
        List<Integer> codes = asks.stream().map(CompletableFuture::join).toList();
        answered.countDown();

        assertThat(codes).containsExactlyInAnyOrder(202, 409);
        await().atMost(Duration.ofSeconds(60)).until(() -> "SWITCHED".equals(rebuildStatus().getString("state")));
    }

    @Test
    void aRebuildWhoseInstanceDiedReadsInterruptedAndIsResumedByAnother() throws Exception {
        long events = status().getLong("events");
        Map<String, String> expected = figures(List.of());
        int generation = status().getInt("generation");
        CountDownLatch inSecondBatch = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        AtomicInteger batches = new AtomicInteger();
        seams.smallBatches(20);
        seams.onBatchCommit(() -> {
            if (batches.incrementAndGet() == 2) {
                inSecondBatch.countDown();
                awaitQuietly(goOn);
            }
        });
        given().auth().oauth2(Tokens.cci()).when().post("/events/rebuild").then().statusCode(202);
        assertThat(inSecondBatch.await(60, TimeUnit.SECONDS)).isTrue();

        // the instance "dies": the database ends the session that holds its lock
        try (OtherInstance other = OtherInstance.connect()) {
            long holder = other.query("SELECT holder_pid FROM event_log_rebuild WHERE id = 1");
            assertThat(other.query("SELECT pg_terminate_backend(" + holder + ")::int")).isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> "INTERRUPTED".equals(rebuildStatus().getString("state")));
        JsonPath interrupted = rebuildStatus();
        assertThat(interrupted.getInt("toGeneration")).isEqualTo(generation + 1);
        assertThat(status().getInt("generation")).isEqualTo(generation);
        // what the dead instance had in flight commits or not; whatever it does later is refused (its lock is gone)
        seams.reset();
        goOn.countDown();

        // any instance resumes it from its checkpoint: every record read exactly once over both runs
        given().auth().oauth2(Tokens.cci()).when().post("/events/rebuild").then().statusCode(202)
                .body("resumed", equalTo(true)).body("toGeneration", equalTo(generation + 1));
        await().atMost(Duration.ofSeconds(60)).until(() -> "SWITCHED".equals(rebuildStatus().getString("state")));
        JsonPath resumed = rebuildStatus();
        assertThat(resumed.getBoolean("resumed")).isTrue();
        assertThat(resumed.getLong("read")).isEqualTo(resumed.getLong("total")).isEqualTo(interrupted.getLong("total"));
        assertThat(status().getInt("generation")).isEqualTo(generation + 1);
        assertThat(status().getLong("events")).isEqualTo(events);
        assertThat(figures(List.of())).isEqualTo(expected);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
