package fr.alize.local;

import com.fasterxml.jackson.databind.JsonNode;
import fr.alize.infra.AlizeRole;
import fr.alize.local.demo.StoryRunner;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;

/** {@code run --demo}: loads the story into the running suite, then says what it shows and how to look. */
final class Demo {

    /** How long one step may wait for a service, or for events to reach another service. */
    static final Duration PATIENCE = Duration.ofSeconds(120);

    private Demo() {
    }

    static void load(LauncherOptions options) {
        long t = System.nanoTime();
        Console.say("loading the demo story (docs/walkthrough.md)...");
        StoryRunner runner = new StoryRunner(options.instanceUrls(),
                (role, tenant) -> AlizeLocal.token(options.dataDir(), AlizeRole.fromGroup(role), tenant),
                Clock.system(ZoneId.of("Europe/Paris")), PATIENCE, line -> Console.say("  %s", line));
        StoryRunner.Result result = runner.run();
        Map<String, String> variables = result.variables();
        Console.say("demo story loaded in %.1f s: %d calls, %d of them already made before",
                (System.nanoTime() - t) / 1e9, result.calls(), result.skipped());
        String year = variables.get("YEAR");
        Console.say("  %s: %s supported SME(s) against a target of %s; jobs created %s, preserved %s", year,
                StoryRunner.text(result, "/targets/${YEAR}", ".supportedSmes"),
                StoryRunner.text(result, "/targets/${YEAR}", ".target"),
                StoryRunner.text(result, "/employment/${YEAR}", ".jobsCreated"),
                StoryRunner.text(result, "/employment/${YEAR}", ".jobsPreserved"));
        JsonNode contributions = result.reads().get("/contributions/${YEAR}");
        if (contributions != null) {
            for (JsonNode partner : contributions.path("partners")) {
                Console.say("  %s in %s: %s hours, %s skill-days, worth %s EUR", partner.path("name").asText(), year,
                        partner.path("hours").asText(), partner.path("skillDays").asText(), partner.path("value").asText());
            }
        }
        Console.say("  the IT mission's history: %s/missions/%s/history", variables.get("IMPACT"), variables.get("MISSION_IT"));
        Console.say("dashboard: %s/dashboard/#token=%s", variables.get("IMPACT"), variables.get("ANALYST"));
        Console.say("coordinator's dashboard, with the worklist: %s/dashboard/#token=%s", variables.get("IMPACT"), variables.get("CCI"));
        Console.say("annual report, printable: %s/dashboard/report.html?year=%s#token=%s", variables.get("IMPACT"), year,
                variables.get("ANALYST"));
        Console.say("the story's variables, tokens included (12 h), to go on with curl as in docs/walkthrough.md:");
        new TreeMap<>(variables).forEach((name, value) -> System.out.println("export " + name + "=" + value));
    }
}
