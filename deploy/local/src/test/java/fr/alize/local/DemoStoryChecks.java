package fr.alize.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.alize.local.demo.Story;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the demo story must show on the launched suite, read through the public APIs with the variables
 * the launcher printed ({@code export NAME=value}), exactly: the figures follow from the story's inputs.
 */
final class DemoStoryChecks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern EXPORT = Pattern.compile("^export ([A-Z0-9_]+)=(.*)$", Pattern.MULTILINE);

    /** Personal data the story gave to volunteer-service and needs-service, which no report may show. */
    private static final List<String> PERSONAL_DATA = List.of("Claire Lenoir", "Lenoir", "Marc Dubois", "Nadia Benali",
            "Julien Caron", "saint-gobain.example", "alstom.example", "Sophie Quennesson", "Patrick Lefebvre", "Hélène Delattre");

    /** The story's e-mail addresses (its people and its SMEs' contacts). */
    private static final List<String> EMAILS = List.of("claire.lenoir@saint-gobain.example", "marc.dubois@saint-gobain.example",
            "nadia.benali@alstom.example", "julien.caron@alstom.example", "contact@feerie-quennesson.example",
            "garage.hainaut@example.org", "contact@menuiserie-delattre.example");
    /** A signed JWT anywhere in a line: header and payload are base64url JSON objects. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.");
    /** The plain-text console format, which production must not use. */
    private static final Pattern TEXT_LOG_LINE = Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d+ +(TRACE|DEBUG|INFO|WARN|ERROR)");

    private final Map<String, String> v;

    private DemoStoryChecks(Map<String, String> variables) {
        this.v = variables;
    }

    /** The variables of the last {@code export} block in a launcher's output. */
    static DemoStoryChecks fromLauncherOutput(String output) {
        Map<String, String> variables = new LinkedHashMap<>();
        Matcher m = EXPORT.matcher(output);
        while (m.find()) {
            variables.put(m.group(1), m.group(2).strip());
        }
        assertTrue(variables.containsKey("MISSION_IT"), "the launcher printed the story's variables:\n" + output);
        return new DemoStoryChecks(variables);
    }

    String variable(String name) {
        return v.get(name);
    }

    /** The same checks against instance {@code k} of every service (the launcher's ports + 10·k). */
    DemoStoryChecks onInstance(int k) {
        Map<String, String> variables = new LinkedHashMap<>(v);
        for (String service : List.of("NEEDS", "VOLUNTEERS", "MATCHING", "IMPACT")) {
            URI first = URI.create(v.get(service));
            variables.put(service, "http://" + first.getHost() + ":" + (first.getPort() + 10 * k));
        }
        return new DemoStoryChecks(variables);
    }

    /** A call with a JSON body (or none), as the story's token of that name, to the service of that variable. */
    HttpResponse<String> call(String method, String service, String path, String token, String body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(v.get(service) + path))
                    .header("Authorization", "Bearer " + v.get(token)).header("Accept", "application/json");
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            return HTTP.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new AssertionError(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Every step of the story, as a user of each API sees it. */
    void assertTheStory() {
        LocalDate start = LocalDate.parse(v.get("START"));
        LocalDate today = LocalDate.parse(v.get("TODAY"));

        // 5. Claire ranks first, and the answer says why
        JsonNode ranking = get("MATCHING", "/needs/" + v.get("NEED_IT") + "/candidates?exclusions=true", "CCI");
        JsonNode best = ranking.path("candidates").path(0);
        assertEquals(v.get("CLAIRE"), best.path("volunteerId").asText(), ranking.toPrettyString());
        assertEquals(1.0, best.path("parts").path("skills").asDouble(), 1e-9, "she holds both skills at the level asked");
        assertEquals(0.75, best.path("parts").path("proximity").asDouble(), 1e-9, "same EPCI as the florist");
        JsonNode second = ranking.path("candidates").path(1);
        assertEquals(v.get("NADIA"), second.path("volunteerId").asText());
        assertTrue(second.path("score").asDouble() < best.path("score").asDouble());

        // 5-6. the mission as matching-service tells it
        JsonNode mission = get("MATCHING", "/missions/" + v.get("MISSION_IT"), "CCI");
        assertEquals("COMPLETED", mission.path("state").asText());
        assertEquals(List.of("EMPLOYER", "SME", "VOLUNTEER"), sorted(texts(mission.path("acceptedBy"))));
        assertEquals(start.toString(), mission.path("startDate").asText());
        assertEquals(Story.IT_MISSION_HOURS, mission.path("hoursLogged").asDouble(), 1e-9);
        assertEquals(5, mission.path("satisfaction").asInt());

        // 6. the need followed the mission (needs-service learns of it through Kafka: wait for it); 9. the declined
        // and cancelled proposals left the other need open
        assertEquals("FULFILLED", awaitRead("NEEDS", "/needs/" + v.get("NEED_IT"), "CCI",
                need -> !need.path("status").asText().equals("PUBLISHED")).path("status").asText());
        assertEquals("PUBLISHED", get("NEEDS", "/needs/" + v.get("NEED_ACCOUNTING"), "CCI").path("status").asText());
        assertEquals("REJECTED", get("NEEDS", "/smes/" + Story.GARAGE, "CCI").path("status").asText());
        assertEquals("DECLINED", get("MATCHING", "/missions/" + v.get("MISSION_DECLINED"), "CCI").path("state").asText());
        assertEquals("CANCELLED", get("MATCHING", "/missions/" + v.get("MISSION_CANCELLED"), "CCI").path("state").asText());
        JsonNode accountingRanking = get("MATCHING", "/needs/" + v.get("NEED_ACCOUNTING") + "/candidates?exclusions=true", "CCI");
        assertTrue(stream(accountingRanking.path("exclusions")).anyMatch(e -> e.path("volunteerId").asText().equals(v.get("JULIEN"))
                && e.path("reason").asText().equals("DECLINED_THIS_NEED")), accountingRanking.toPrettyString());

        // 8. impact-service, exactly (figures arrive through Kafka: wait for them, then compare exactly)
        JsonNode history = awaitRead("IMPACT", "/missions/" + v.get("MISSION_IT") + "/history",
                h -> types(h).containsAll(List.of("MissionCompleted", "NeedFulfilled")));
        List<JsonNode> missionEvents = stream(history.path("events")).filter(e -> !e.path("type").asText().startsWith("Need")).toList();
        assertEquals(List.of("MissionProposed", "MissionAccepted", "MissionAccepted", "MissionAccepted", "MissionStarted",
                "TimeLogged", "TimeLogged", "TimeLogged", "MissionCompleted"),
                missionEvents.stream().map(e -> e.path("type").asText()).toList(), history.toPrettyString());
        assertEquals(List.of("cci", "sme", "partner-hr", "volunteer", "volunteer", "volunteer", "volunteer", "volunteer", "sme"),
                missionEvents.stream().map(e -> e.path("actorRole").asText()).toList(), "who did what");
        assertEquals(List.of("NeedMatched", "NeedFulfilled"), types(history).stream().filter(t -> t.startsWith("Need")).toList(),
                "the need followed the mission");
        assertEquals(v.get("FLORIST"), history.path("smeId").asText());
        assertEquals(v.get("NEED_IT"), history.path("needId").asText());

        JsonNode targets = awaitRead("IMPACT", "/targets/" + start.getYear(), t -> t.path("supportedSmes").asLong() >= 1);
        assertEquals(15, targets.path("target").asInt(), "the default target");
        assertEquals(1, targets.path("supportedSmes").asLong(), "only the florist: the garage was rejected, the joinery's mission never started");

        JsonNode employment = awaitRead("IMPACT", "/employment/" + today.getYear(), e -> e.path("jobsPreserved").asLong() >= 3);
        assertEquals(3, employment.path("jobsCreated").asLong());
        assertEquals(3, employment.path("jobsPreserved").asLong());
        assertEquals(Map.of("CDI", List.of(2L, 3L), "APPRENTICESHIP", List.of(1L, 0L)), jobsBy(employment.path("byContractType")));
        assertEquals(3, employment.path("headcount").path("change").asLong(), "17 at enrolment, 20 declared");

        double hours = 0;
        for (int year : List.of(start.getYear(), today.getYear()).stream().distinct().toList()) {
            JsonNode contributions = awaitRead("IMPACT", "/contributions/" + year, c -> true);
            JsonNode sg = partner(contributions, "Saint-Gobain");
            hours += sg == null ? 0 : sg.path("hours").asDouble();
            JsonNode alstom = partner(contributions, "Alstom Transport");
            assertTrue(alstom == null || alstom.path("hours").asDouble() == 0, "Alstom gave no time: " + contributions);
        }
        assertEquals(Story.IT_MISSION_HOURS, hours, 1e-9, "Saint-Gobain's hours, the 4 h correction replacing the 3.5 h entry");
        if (start.getYear() == today.getYear()) {
            JsonNode sg = partner(get("IMPACT", "/contributions/" + today.getYear(), "ANALYST"), "Saint-Gobain");
            assertEquals(1.0, sg.path("skillDays").asDouble(), 1e-9, "7 h at 7 h a day");
            assertEquals(650.0, sg.path("value").asDouble(), 1e-9, "1 skill-day at 650 EUR");
            assertEquals(40, sg.path("pledgedDays").asInt());
            JsonNode hr = get("VOLUNTEERS", "/partners/" + v.get("SAINT_GOBAIN") + "/contribution?year=" + today.getYear(), "HR_SAINT_GOBAIN");
            assertEquals(Story.IT_MISSION_HOURS, hr.path("hoursGiven").asDouble(), 1e-9, "volunteer-service agrees: " + hr);
            assertEquals(650.0, hr.path("valueGiven").asDouble(), 1e-9, "volunteer-service agrees: " + hr);
        }

        // 9. what must count nowhere is still visible where it belongs
        assertEquals(List.of("SmeApplied", "SmeRejected"),
                types(awaitRead("IMPACT", "/smes/" + Story.GARAGE + "/timeline", t -> types(t).contains("SmeRejected"))));
        assertEquals(List.of("MissionProposed", "MissionDeclined"), types(awaitRead("IMPACT",
                "/missions/" + v.get("MISSION_DECLINED") + "/history", h -> types(h).contains("MissionDeclined"))));
        assertEquals(List.of("MissionProposed", "MissionAccepted", "MissionCancelled"), types(awaitRead("IMPACT",
                "/missions/" + v.get("MISSION_CANCELLED") + "/history", h -> types(h).contains("MissionCancelled"))));
        JsonNode totals = get("IMPACT", "/totals?from=" + start.withDayOfYear(1) + "&to=" + today, "ANALYST");
        assertEquals(1, totals.path("companiesSupported").asLong(), totals.toPrettyString());
        assertEquals(1, totals.path("missionsStarted").asLong(), totals.toPrettyString());

        // 10. the rebuild started in the middle of the story has switched over
        assertEquals("SWITCHED", get("IMPACT", "/events/rebuild", "CCI").path("state").asText());
    }

    /** The analyst reads the figures and no personal data. */
    void assertNoPersonalDataInReports() {
        for (String path : reports()) {
            String body = get("IMPACT", path, "ANALYST").toString();
            for (String personal : PERSONAL_DATA) {
                assertFalse(body.contains(personal), path + " shows " + personal);
            }
        }
    }

    /**
     * The services' logs of the launched suite (production profile): JSON lines, and no line holds a name, an e-mail
     * address or a token of the story (nor any signed JWT). The broker's and PostgreSQL's logs are read too.
     */
    void assertLogsAreJsonWithoutPersonalDataOrTokens(java.nio.file.Path logs) throws java.io.IOException {
        List<String> tokens = v.values().stream().filter(value -> value.startsWith("eyJ")).toList();
        assertFalse(tokens.isEmpty(), "the launcher printed the story's tokens");
        List<java.nio.file.Path> files;
        try (var listing = java.nio.file.Files.list(logs)) {
            files = listing.filter(f -> f.toString().endsWith(".log")).sorted().toList();
        }
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().equals("needs-service.log")), "service logs in " + logs);
        for (java.nio.file.Path file : files) {
            List<String> lines = java.nio.file.Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String where = file.getFileName() + ":" + (i + 1) + ": " + line;
                for (String personal : PERSONAL_DATA) {
                    assertFalse(line.contains(personal), "a log line names " + personal + " at " + where);
                }
                for (String email : EMAILS) {
                    assertFalse(line.contains(email), "a log line holds " + email + " at " + where);
                }
                assertFalse(tokens.stream().anyMatch(line::contains), "a log line holds a token of the story at " + where);
                assertFalse(JWT.matcher(line).find(), "a log line holds a JWT at " + where);
            }
            if (file.getFileName().toString().endsWith("-service.log")) {
                assertTrue(lines.stream().anyMatch(l -> l.startsWith("{") && l.contains("\"loggerName\"") && l.contains("started in")),
                        file + " has JSON log lines");
                assertTrue(lines.stream().noneMatch(l -> TEXT_LOG_LINE.matcher(l).find()), file + " has no plain-text log line");
            }
        }
    }

    /** Every report the story feeds, as JSON text, for before/after comparisons. */
    Map<String, String> reportsSnapshot() {
        Map<String, String> snapshot = new LinkedHashMap<>();
        for (String path : reports()) {
            snapshot.put(path, get("IMPACT", path, "ANALYST").toString());
        }
        return snapshot;
    }

    /** Starts a rebuild of impact-service's projections and waits until it has switched over. */
    void rebuildImpact() {
        JsonNode before = get("IMPACT", "/events/rebuild", "CCI");
        HttpResponse<String> started = send("POST", "IMPACT", "/events/rebuild", "CCI");
        assertEquals(202, started.statusCode(), started.body());
        int generation = before.path("toGeneration").asInt(0);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode status = get("IMPACT", "/events/rebuild", "CCI");
            assertFalse(status.path("state").asText().equals("FAILED"), status.toPrettyString());
            return status.path("state").asText().equals("SWITCHED") && status.path("toGeneration").asInt() > generation;
        });
    }

    /** impact-service's count of the events it has recorded from the three topics. */
    long eventsRecorded() {
        return get("IMPACT", "/events/status", "CCI").path("events").asLong();
    }

    private List<String> reports() {
        LocalDate start = LocalDate.parse(v.get("START"));
        LocalDate today = LocalDate.parse(v.get("TODAY"));
        List<String> paths = new ArrayList<>(List.of("/yearly", "/totals?from=" + start.withDayOfYear(1) + "&to=" + today,
                "/missions/" + v.get("MISSION_IT") + "/history", "/missions/" + v.get("MISSION_DECLINED") + "/history",
                "/missions/" + v.get("MISSION_CANCELLED") + "/history", "/smes/" + Story.FLORIST + "/timeline",
                "/smes/" + Story.GARAGE + "/timeline", "/smes/" + Story.JOINERY + "/timeline"));
        for (int year : List.of(start.getYear(), today.getYear()).stream().distinct().toList()) {
            paths.addAll(List.of("/targets/" + year, "/employment/" + year, "/contributions/" + year));
        }
        return paths;
    }

    // ------------------------------------------------------------------ helpers

    private JsonNode awaitRead(String service, String path, Predicate<JsonNode> ready) {
        return awaitRead(service, path, "ANALYST", ready);
    }

    private JsonNode awaitRead(String service, String path, String token, Predicate<JsonNode> ready) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> {
            HttpResponse<String> answer = send("GET", service, path, token);
            if (answer.statusCode() != 200) {
                return false;
            }
            last[0] = JSON.readTree(answer.body());
            return ready.test(last[0]);
        });
        return last[0];
    }

    JsonNode get(String service, String path, String token) {
        HttpResponse<String> answer = send("GET", service, path, token);
        assertEquals(200, answer.statusCode(), "GET " + path + ": " + answer.body());
        try {
            return JSON.readTree(answer.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private HttpResponse<String> send(String method, String service, String path, String token) {
        return call(method, service, path, token, null);
    }

    private static JsonNode partner(JsonNode contributions, String name) {
        return stream(contributions.path("partners")).filter(p -> p.path("name").asText().equals(name)).findFirst().orElse(null);
    }

    private static Map<String, List<Long>> jobsBy(JsonNode rows) {
        Map<String, List<Long>> jobs = new LinkedHashMap<>();
        rows.forEach(r -> jobs.put(r.path("key").asText(), List.of(r.path("jobsCreated").asLong(), r.path("jobsPreserved").asLong())));
        return jobs;
    }

    private static List<String> types(JsonNode history) {
        return stream(history.path("events")).map(e -> e.path("type").asText()).toList();
    }

    private static List<String> texts(JsonNode array) {
        return stream(array).map(JsonNode::asText).toList();
    }

    private static List<String> sorted(List<String> list) {
        return list.stream().sorted().toList();
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}
