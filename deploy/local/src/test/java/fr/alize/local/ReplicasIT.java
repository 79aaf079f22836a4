package fr.alize.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launched suite with two instances of every service ({@code --replicas 2}) on one broker: every check of
 * {@link TwoInstances}, then, when the needs instance that relays the outbox is killed, the other takes over and no
 * accepted need is missing from the topic.
 */
class ReplicasIT extends LaunchedSuite {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void twoInstancesOfEveryServiceAnswerAsOneDoes() throws Exception {
        choosePorts(2);
        Path data = tmp.resolve("data");
        Path log = tmp.resolve("replicas.log");
        Process launcher = launch(data, log, "--replicas", "2", "--demo");
        double ready = awaitReady(launcher, log);
        Matcher loaded = awaitDemo(launcher, log);
        System.out.println("DEMO (2 replicas): " + loaded.group());
        report("2 replicas", launcher, data, ready);
        List<DemoStoryChecks> instances = TwoInstances.assertTheyAnswerAsOneDoes(Files.readString(log));

        relayTakeoverAfterKill(instances.get(0), instances.get(1));

        launcher.destroy();
        assertTrue(launcher.waitFor(120, TimeUnit.SECONDS), "launcher stopped");
        assertEquals(0, launcher.exitValue(), Files.readString(log));
        assertFalse(Files.exists(data.resolve(DataDirLock.FILE)), "lock removed");
    }

    /**
     * Needs are drafted through both needs instances in turn while the instance that holds the relay's token is
     * killed with SIGKILL: the other takes the claim within the claim timeout plus the claim interval (5 s + 1 s,
     * {@code alize.events.*}; asserted with room for a loaded machine), and every need a 201 answered is on the topic.
     */
    private void relayTakeoverAfterKill(DemoStoryChecks first, DemoStoryChecks second) throws Exception {
        String needsDb = "jdbc:postgresql://127.0.0.1:" + ports.get("postgres-port") + "/needs";
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicBoolean loading = new AtomicBoolean(true);
        String need = """
                {"category": "QUALITY", "title": "Takeover check %s", "description": "Prepare the ISO 9001 audit",
                 "skills": [{"skillId": "it-requirements", "level": 3}], "effortDays": 2,
                 "windowStart": "%s", "windowEnd": "%s"}""";
        CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
            for (int i = 0; loading.get(); i++) {
                DemoStoryChecks instance = i % 2 == 0 ? first : second;
                try {
                    HttpResponse<String> answer = instance.call("POST", "NEEDS", "/needs", "SME_FLORIST",
                            need.formatted(UUID.randomUUID(), first.variable("START"), first.variable("WINDOW_END")));
                    if (answer.statusCode() == 201) {
                        accepted.add(JSON.readTree(answer.body()).path("needId").asText());
                    }
                } catch (AssertionError | java.io.IOException refusedByTheKilledInstance) {
                    // only the 201s count
                }
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= 20);
        String holder = relayOwner(needsDb);
        assertTrue(holder != null, "the needs relay's token is claimed");
        long pid = Long.parseLong(holder.substring(0, holder.indexOf('@')));
        assertTrue(cmdline(pid).contains("needs-service"), "the relay's token is held by a needs instance: " + holder);
        int before = accepted.size();
        long killed = System.nanoTime();
        assertEquals(0, new ProcessBuilder("kill", "-KILL", Long.toString(pid)).start().waitFor());
        String taker = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> relayOwner(needsDb), owner -> owner != null && !owner.equals(holder));
        double takeover = (System.nanoTime() - killed) / 1e9;
        await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= before + 20);
        loading.set(false);
        load.get(60, TimeUnit.SECONDS);

        Map<String, Long> published = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> firstSent("alize.needs"), keys -> keys.keySet().containsAll(accepted));
        List<Long> times = accepted.stream().map(published::get).sorted().toList();
        long gap = 0;
        for (int i = 1; i < times.size(); i++) {
            gap = Math.max(gap, times.get(i) - times.get(i - 1));
        }
        System.out.printf("RELAY TAKEOVER: needs relay held by %s killed with SIGKILL; %s took the claim %.1f s later;"
                + " longest pause between two accepted needs reaching alize.needs: %.1f s; %d needs accepted (%d after the kill),"
                + " all %d on the topic%n", holder, taker, takeover, gap / 1e3, accepted.size(),
                accepted.size() - before, accepted.size());
        assertTrue(takeover < 20, "takeover within the 5 s claim timeout and 1 s interval, with room: " + takeover);
    }
}
