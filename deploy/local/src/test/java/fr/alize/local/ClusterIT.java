package fr.alize.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.alize.infra.KafkaBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;


import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launched suite on a Kafka cluster with two instances of every service ({@code --brokers 3 --replicas 2}): every
 * partition has three in-sync replicas; the demo story, its calls sent to the instances in turn, gives the figures
 * {@link LauncherIT} checks with one, on either instance; a need published through one instance is ranked by both
 * matching instances; the same proposal sent to both at once makes one mission; a rebuild asked of one impact instance
 * is seen switched by the other, with the same reports. Then the fault run ({@link FaultRun}): under a steady load of
 * commands to every instance of the four services, the broker that leads most partitions is killed (SIGKILL) and
 * restarted, one instance of each service is killed (the needs one that holds the outbox relay: the other takes it
 * over) and restarted, and PostgreSQL is restarted; afterwards every command answered 2xx is in its service's event
 * store, on its topic and counted once in the projections of both instances.
 * <p>
 * Not part of the default run yet (it has not passed once on this machine; see docs/deployment.md): run it with
 * {@code ./mvnw -pl deploy/local -am verify -Dalize.cluster-it=true -Dit.test=ClusterIT -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false}. {@link ReplicasIT} covers several replicas on one broker meanwhile.
 */
@EnabledIfSystemProperty(named = "alize.cluster-it", matches = "true")
class ClusterIT extends LaunchedSuite {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FaultRun faults;

    /** Services the fault run started again are not the launcher's children: stopped here, before the launcher. */
    @AfterEach
    void stopRestarted() {
        if (faults != null) {
            faults.restarted().forEach(Relaunch::stop);
        }
    }

    @Test
    void threeBrokersAndTwoInstancesOfEveryServiceAnswerAsOneDoesAndLoseNothingThroughFaults() throws Exception {
        choosePorts(2, KafkaBroker.CLUSTER_SIZE);
        Path data = tmp.resolve("data");
        Path log = tmp.resolve("cluster.log");
        Process launcher = launch(data, log, "--brokers", "3", "--replicas", "2", "--demo");
        double ready = awaitReady(launcher, log);
        Matcher loaded = awaitDemo(launcher, log);
        System.out.println("DEMO (3 brokers, 2 replicas): " + loaded.group());
        report("3 brokers, 2 replicas", launcher, data, ready);
        faults = new FaultRun(this, data);
        faults.assertEveryPartitionOnThreeInSyncReplicas();
        String output = Files.readString(log);
        for (String service : LauncherOptions.SERVICES) {
            assertTrue(output.contains(ServiceProcess.label(service, 1) + " "), "instance 1 of " + service + " listed:\n" + output);
        }

        DemoStoryChecks first = DemoStoryChecks.fromLauncherOutput(output);
        DemoStoryChecks second = first.onInstance(1);
        first.assertTheStory();
        second.assertTheStory();

        // a need published through the second needs instance is ranked, the same, by both matching instances
        String needId = JSON.readTree(ok(second.call("POST", "NEEDS", "/needs", "SME_FLORIST", """
                {"category": "QUALITY", "title": "Replicas check %s", "description": "Prepare the ISO 9001 audit",
                 "skills": [{"skillId": "it-requirements", "level": 3}], "effortDays": 2,
                 "windowStart": "%s", "windowEnd": "%s"}""".formatted(UUID.randomUUID(), first.variable("START"),
                first.variable("WINDOW_END"))), 201)).path("needId").asText();
        String path = "/needs/" + needId + "/candidates";
        JsonNode ranking = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> candidates(first, path), r -> r != null && r.path("candidates").size() > 0);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> candidates(second, path), r -> r != null && ids(r).equals(ids(ranking)));

        // the same proposal sent to both matching instances at the same moment: one mission
        String body = "{\"needId\": \"%s\", \"volunteerId\": \"%s\"}".formatted(needId, ids(ranking).get(0));
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<HttpResponse<String>>> proposals = new ArrayList<>();
        for (DemoStoryChecks instance : List.of(first, second)) {
            proposals.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return instance.call("POST", "MATCHING", "/missions", "CCI", body);
            }));
        }
        List<Integer> statuses = proposals.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).sorted().toList();
        assertEquals(List.of(201, 409), statuses, proposals.stream().map(CompletableFuture::join).map(HttpResponse::body).toList().toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(1,
                second.get("MATCHING", "/missions?needId=" + needId, "CCI").path("items").size()));

        // a rebuild asked of the first impact instance is seen switched by the second, with the same reports
        first.rebuildImpact();
        JsonNode rebuilt = first.get("IMPACT", "/events/rebuild", "CCI");
        JsonNode seen = second.get("IMPACT", "/events/rebuild", "CCI");
        assertEquals("SWITCHED", seen.path("state").asText(), seen.toPrettyString());
        assertEquals(rebuilt.path("toGeneration").asInt(), seen.path("toGeneration").asInt());
        assertEquals(first.reportsSnapshot(), second.reportsSnapshot());

        faults.run(first, second);

        launcher.destroy();
        assertTrue(launcher.waitFor(120, TimeUnit.SECONDS), "launcher stopped");
        assertEquals(0, launcher.exitValue(), Files.readString(log));
        assertFalse(Files.exists(data.resolve(DataDirLock.FILE)), "lock removed");
    }

    private static JsonNode candidates(DemoStoryChecks instance, String path) throws Exception {
        HttpResponse<String> answer = instance.call("GET", "MATCHING", path, "CCI", null);
        return answer.statusCode() == 200 ? JSON.readTree(answer.body()) : null;
    }

    private static List<String> ids(JsonNode ranking) {
        List<String> ids = new ArrayList<>();
        ranking.path("candidates").forEach(c -> ids.add(c.path("volunteerId").asText()));
        return ids;
    }

    private static String ok(HttpResponse<String> answer, int status) {
        assertEquals(status, answer.statusCode(), answer.body());
        return answer.body();
    }
}
