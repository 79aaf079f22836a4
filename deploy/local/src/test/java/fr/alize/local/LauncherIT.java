package fr.alize.local;

import fr.alize.local.demo.Story;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged launcher end to end: the real services, PostgreSQL and Kafka, on free ports and a
 * temporary data directory, loaded with the demo story and checked through the public APIs
 * ({@link DemoStoryChecks}); then a clean stop, and a second start on the same data.
 */
class LauncherIT extends LaunchedSuite {

    /**
     * The story on the launched suite: {@code run --demo} loads it through the public APIs, every
     * figure is then checked exactly, a rebuild changes none, and a second start with {@code --demo} on the
     * same data resumes with all of it and adds nothing.
     */
    @Test
    void theDemoStoryLoadsShowsExactFiguresAndLoadsNothingTwice() throws Exception {
        choosePorts(1);
        Path data = tmp.resolve("data");

        // first start, with the demo story
        Path firstLog = tmp.resolve("first.log");
        Process first = launch(data, firstLog, "--demo");
        double firstReady = awaitReady(first, firstLog);
        Matcher loaded = awaitDemo(first, firstLog);
        assertEquals("0", loaded.group(2), "a fresh data directory: every call made");
        System.out.println("DEMO (first start): " + loaded.group());
        report("first start", first, data, firstReady);
        DemoStoryChecks story = DemoStoryChecks.fromLauncherOutput(Files.readString(firstLog));
        story.assertTheStory();
        story.assertNoPersonalDataInReports();
        story.assertLogsAreJsonWithoutPersonalDataOrTokens(data.resolve("logs"));

        // a rebuild changes no figure
        Map<String, String> figures = story.reportsSnapshot();
        story.rebuildImpact();
        assertEquals(figures, story.reportsSnapshot());
        long events = story.eventsRecorded();
        long records = domainRecords();

        // a second launcher on the same ports fails at once, naming them
        Path secondLog = tmp.resolve("second.log");
        Process second = launch(tmp.resolve("other-data"), secondLog);
        assertTrue(second.waitFor(60, TimeUnit.SECONDS), "second launcher ends by itself");
        String secondOutput = Files.readString(secondLog);
        assertNotEquals(0, second.exitValue(), secondOutput);
        assertTrue(secondOutput.contains("port " + ports.get("needs-port")), secondOutput);
        assertTrue(secondOutput.contains("port " + ports.get("kafka-port")), secondOutput);
        assertFalse(Files.exists(tmp.resolve("other-data/postgres")), "nothing started");

        // SIGTERM: everything stops, exit code 0
        List<ProcessHandle> children = first.descendants().toList();
        long postgres = postmasterPid(data);
        assertTrue(children.size() >= 5, "services and broker are children: " + children);
        first.destroy();
        assertTrue(first.waitFor(120, TimeUnit.SECONDS), "launcher stopped");
        assertEquals(0, first.exitValue(), Files.readString(firstLog));
        await().atMost(Duration.ofSeconds(30)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive)
                && ProcessHandle.of(postgres).map(h -> !h.isAlive()).orElse(true));
        assertFalse(Files.exists(data.resolve(DataDirLock.FILE)), "lock removed");

        // second start on the same data, with --demo again: everything is there, nothing is added
        Path againLog = tmp.resolve("again.log");
        Process again = launch(data, againLog, "--demo");
        double againReady = awaitReady(again, againLog);
        Matcher reloaded = awaitDemo(again, againLog);
        System.out.println("DEMO (restart): " + reloaded.group());
        report("restart", again, data, againReady);
        DemoStoryChecks resumed = DemoStoryChecks.fromLauncherOutput(Files.readString(againLog));
        assertEquals(story.variable("MISSION_IT"), resumed.variable("MISSION_IT"), "the same mission, found again");
        assertEquals(Story.guardedWrites(), Long.parseLong(reloaded.group(2)), "every write found made: " + reloaded.group());
        assertEquals(records, domainRecords(), "no event published twice");
        assertEquals(events, resumed.eventsRecorded(), "no event recorded twice");
        resumed.rebuildImpact(); // the second load started one: wait until it has switched over
        assertEquals(figures, resumed.reportsSnapshot());
        resumed.assertLogsAreJsonWithoutPersonalDataOrTokens(data.resolve("logs"));
        again.destroy();
        assertTrue(again.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, again.exitValue());
    }
}
