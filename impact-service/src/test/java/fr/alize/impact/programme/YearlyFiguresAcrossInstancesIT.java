package fr.alize.impact.programme;

import com.fasterxml.jackson.databind.JsonNode;
import fr.alize.impact.OtherInstance;
import fr.alize.impact.TestEvents;
import fr.alize.testing.KafkaTestTopics;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static fr.alize.impact.TestEvents.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The yearly figures are sent once per change, by the one instance that holds the publisher's lock, whichever
 * instance wrote the change: "another instance" writes on a plain JDBC connection, with the change marker, in one
 * transaction.
 */
@QuarkusTest
class YearlyFiguresAcrossInstancesIT {

    static final int YEARLY_FIGURES = 2;

    static List<JsonNode> sent(String year) {
        return KafkaTestTopics.readAll("alize.impact.yearly").stream().filter(r -> year.equals(r.key()))
                .map(ConsumerRecord::value).map(YearlyFiguresAcrossInstancesIT::json).toList();
    }

    static JsonNode json(String value) {
        try {
            return ProgrammeFiguresIT.MAPPER.readTree(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until the year has that many records, and checks for a few intervals that no other one follows; returns
     * the last one (null: none).
     */
    static JsonNode awaitExactly(String year, int records) {
        await().atMost(Duration.ofSeconds(20)).until(() -> sent(year).size() == records);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> sent(year).size() == records);
        List<JsonNode> all = sent(year);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }


    @Test
    void aChangeWrittenByAnotherInstanceIsPublishedOnce() throws Exception {
        TestEvents.topicsExist();
        try (OtherInstance other = OtherInstance.connect()) {
            int generation = (int) other.query("SELECT current_generation FROM event_log_generation");
            String bump = "UPDATE figures_change SET version = version + 1 WHERE id = 1";

            other.inTransaction("INSERT INTO annual_target (year, set_at, target, set_by) VALUES (2047, now(), 20, 'other')", bump);
            assertThat(awaitExactly("2047", 1).path("target").asInt()).isEqualTo(20);

            // an event its consumer stored (the log's row and the read model, in one transaction): one more record
            // for the year, with the new figures
            String sme = id();
            String report = id();
            other.storeJobsReported(generation, sme, """
                    {"smeId": "%s", "reportId": "%s", "date": "2047-05-01", "count": 4, "kind": "CREATED", "contractType": "CDI"}"""
                    .formatted(sme, report), "now()", bump);
            assertThat(awaitExactly("2047", 2).path("jobsCreated").asInt()).isEqualTo(4);

            // a change that leaves the figures as they are sends nothing
            other.inTransaction(bump);
            awaitExactly("2047", 2);

            // the report sent again, corrected: it replaces the first one
            other.storeJobsReported(generation, sme, """
                    {"smeId": "%s", "reportId": "%s", "date": "2047-05-01", "count": 1, "kind": "CREATED", "contractType": "CDI"}"""
                    .formatted(sme, report), "now() + interval '1 second'", bump);
            assertThat(awaitExactly("2047", 3).path("jobsCreated").asInt()).isEqualTo(1);
        }
    }

    @Test
    void onlyTheHolderOfThePublishersLockSendsAndAnotherTakesOverWhenItGoes() throws Exception {
        TestEvents.topicsExist();
        try (OtherInstance other = OtherInstance.connect(); OtherInstance admin = OtherInstance.connect()) {
            // another instance waits for the publisher's lock; this instance's session ends (as if it died).
            // Its backend pid is read first: its connection is busy waiting once the lock is asked.
            int otherPid = other.pid();
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
                try {
                    other.lock(YEARLY_FIGURES);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> admin.query("SELECT count(*) FROM pg_locks WHERE pid = "
                    + otherPid + " AND locktype = 'advisory' AND NOT granted") == 1);
            long holder = admin.query("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid = "
                    + YEARLY_FIGURES + " AND classid = " + OtherInstance.NAMESPACE);
            admin.query("SELECT pg_terminate_backend(" + holder + ")::int");
            waiting.get(30, java.util.concurrent.TimeUnit.SECONDS);

            // the other instance is the publisher now (and publishes nothing): this one sends nothing either
            admin.inTransaction("INSERT INTO annual_target (year, set_at, target, set_by) VALUES (2048, now(), 25, 'other')",
                    "UPDATE figures_change SET version = version + 1 WHERE id = 1");
            int before = sent("2048").size();
            awaitExactly("2048", before);

            // the other instance goes: this one takes over and sends the change, once
            other.unlock(YEARLY_FIGURES);
            assertThat(awaitExactly("2048", before + 1).path("target").asInt()).isEqualTo(25);
        }
    }
}
