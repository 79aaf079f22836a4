package fr.alize.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a launched suite with two instances of every service must show, whatever its brokers ({@link ReplicasIT},
 * {@link ClusterIT}): both instances listed; the demo story, its calls sent to the instances in turn, gives the figures
 * {@link LauncherIT} checks, on either instance; a need published through one instance is ranked the same by both
 * matching instances; the same proposal sent to both at once makes one mission; a rebuild asked of one impact
 * instance is seen switched by the other, with the same reports.
 */
final class TwoInstances {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TwoInstances() {
    }

    /** Runs every check on the launcher's output; returns the checks of instance 0 and of instance 1. */
    static List<DemoStoryChecks> assertTheyAnswerAsOneDoes(String output) throws Exception {
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
        // the reports compared below include that proposal only once impact-service has recorded it
        String created = proposals.stream().map(CompletableFuture::join).filter(answer -> answer.statusCode() == 201)
                .findFirst().orElseThrow().body();
        String missionId = JSON.readTree(created).path("missionId").asText();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() ->
                first.call("GET", "IMPACT", "/missions/" + missionId + "/history", "CCI", null).statusCode() == 200);

        // a rebuild asked of the first impact instance is seen switched by the second, with the same reports
        first.rebuildImpact();
        JsonNode rebuilt = first.get("IMPACT", "/events/rebuild", "CCI");
        JsonNode seen = second.get("IMPACT", "/events/rebuild", "CCI");
        assertEquals("SWITCHED", seen.path("state").asText(), seen.toPrettyString());
        assertEquals(rebuilt.path("toGeneration").asInt(), seen.path("toGeneration").asInt());
        assertEquals(first.reportsSnapshot(), second.reportsSnapshot());
        return List.of(first, second);
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
