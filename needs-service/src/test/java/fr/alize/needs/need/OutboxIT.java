package fr.alize.needs.need;

import fr.alize.needs.NeedsTopic;
import fr.alize.needs.SkillTaxonomyFeed;
import fr.alize.needs.Smes;
import fr.alize.testing.KafkaBrokerControl;
import fr.alize.testing.KafkaTestTopics;
import fr.alize.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static fr.alize.platform.events.EventEnvelope.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The event store is our outbox: with the broker down, commands still succeed; when it is back, every event
 * arrives, in order per key, none lost.
 */
@QuarkusTest
class OutboxIT {

    @BeforeAll
    static void skillTaxonomy() {
        SkillTaxonomyFeed.ensureReceived();
    }

    @AfterEach
    void brokerIsBack() {
        KafkaBrokerControl.start();
    }

    @Test
    void eventsStoredWhileTheBrokerIsDownArriveOnceItIsBack() {
        double failuresBefore = failedBatches();
        KafkaBrokerControl.stop();

        String sme = Smes.approved();
        String token = Tokens.sme(sme);
        List<String> needs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String needId = NeedPublicationIT.publish(token, null);
            given().auth().oauth2(token).contentType("application/json")
                    .body(Smes.needBody(null).replace("IT requirements for the new shop software", "Amended " + i))
                    .when().put("/needs/" + needId).then().statusCode(204);
            needs.add(needId);
        }

        // the relay really failed to publish (send timeout 2 s in tests), and kept the events
        await().atMost(Duration.ofSeconds(30)).until(() -> failedBatches() > failuresBefore);
        // its lag shows: at least these 10 events unsent, and readiness says it is stalled (stall-after 3 s in tests)
        assertThat(metric("alize_relay_unsent{")).isGreaterThanOrEqualTo(10);
        await().atMost(Duration.ofSeconds(30)).until(() -> "stalled".equals(relayReadiness("state")));
        given().when().get("/q/health/ready").then().statusCode(503);
        assertThat(Long.parseLong(relayReadiness("unsent"))).isGreaterThanOrEqualTo(10);
        assertThat(relayReadiness("reason")).startsWith("relay stalled for more than 3 s");
        assertThat(metric("alize_relay_oldest_unsent_seconds{")).isGreaterThan(3);
        KafkaBrokerControl.start();

        // at least once on the topic: a retried batch may repeat a record, consumers deduplicate on ce_id
        Set<String> keys = Set.copyOf(needs);
        List<ConsumerRecord<String, String>> distinct = await().atMost(Duration.ofSeconds(120)).until(
                () -> firstOfEachEvent(KafkaTestTopics.readAll(NeedsTopic.TOPIC), keys), list -> list.size() >= 10);

        Map<String, List<String>> eventsPerNeed = distinct.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                Collectors.mapping(r -> header(r, "ce_type") + "@" + header(r, "ce_aggregateversion"), Collectors.toList())));
        assertThat(eventsPerNeed).hasSize(5);
        eventsPerNeed.values().forEach(events -> assertThat(events).containsExactly("NeedPublished@0", "NeedAmended@1"));
        assertThat(distinct).hasSize(10);

        // caught up: nothing unsent, ready again
        await().atMost(Duration.ofSeconds(60)).until(() -> metric("alize_relay_unsent{") == 0);
        assertThat(metric("alize_relay_oldest_unsent_seconds{")).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> "relaying".equals(relayReadiness("state")));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var ready = given().when().get("/q/health/ready").then().extract();
            assertThat(ready.statusCode()).as(ready.asString()).isEqualTo(200);
        });
    }

    /** A value of the relay's readiness check (its data). */
    private static String relayReadiness(String field) {
        Object value = given().when().get("/q/health/ready").then().extract()
                .path("checks.find { it.name == 'relay' }.data." + field);
        return String.valueOf(value);
    }

    /** The sum of a metric's series in the service's Prometheus scrape. */
    private static double metric(String prefix) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** Batches the outbox relay could not get acknowledged, from the service's metrics. */
    private static double failedBatches() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("alize_events_publish_failures_total{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** The records of the given keys in topic order, each event id kept at its first appearance. */
    private static List<ConsumerRecord<String, String>> firstOfEachEvent(List<ConsumerRecord<String, String>> records, Set<String> keys) {
        Set<String> seen = new HashSet<>();
        return records.stream()
                .filter(r -> keys.contains(r.key()))
                .filter(r -> seen.add(header(r, "ce_id")))
                .toList();
    }
}
