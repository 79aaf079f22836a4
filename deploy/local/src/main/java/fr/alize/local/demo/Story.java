package fr.alize.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import fr.alize.local.demo.Step.Call;
import fr.alize.local.demo.Step.Chapter;
import fr.alize.local.demo.Step.Day;
import fr.alize.local.demo.Step.Let;
import fr.alize.local.demo.Step.Literal;
import fr.alize.local.demo.Step.ServiceUrl;
import fr.alize.local.demo.Step.Token;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The programme's story, told through the public APIs: two partner companies and their volunteers, a
 * florist supported from its application to the jobs it reports, and three things that must count
 * nowhere (a rejected SME, a declined proposal, a cancelled mission), with a projection rebuild in the
 * middle. Loaded by {@code run --demo}, written out as {@code docs/walkthrough.md}, checked by
 * {@code LauncherIT}.
 *
 * <p>The SMEs' ids are fixed (the CCI may choose them), so that a second load finds what the first made;
 * every other id comes from an answer.
 */
public final class Story {

    /** The SMEs of the story. */
    public static final String FLORIST = "6e1819ed-fb02-52a6-a7be-7f1c3ff56c82";
    public static final String GARAGE = "c6c17d49-4a5d-5309-b26c-e19fcc93fa5d";
    public static final String JOINERY = "39b6d428-4b19-598c-bd4b-609ff402e126";

    /**
     * The day the mission starts, relative to today: today, since a start can be neither before its proposal nor
     * after today (the proposal is made during the story).
     */
    public static final int START = 0;

    /** Hours logged by the IT manager on her first day, once the correction of the afternoon is applied. */
    public static final double IT_MISSION_HOURS = 7;

    private Story() {
    }

    /** How many writes a second load finds already made (and skips). */
    public static long guardedWrites() {
        return chapters().stream().flatMap(c -> c.steps().stream())
                .filter(step -> step instanceof Call call && call.done() != null).count();
    }

    public static List<Chapter> chapters() {
        return List.of(setUp(), partners(), volunteers(), florist(), need(), matching(), mission(), rebuild(), jobs(),
                whatCountsNowhere(), figures());
    }

    private static Chapter setUp() {
        return new Chapter("Before you start", """
                Start the suite (see the README), then set a few shell variables: where the services listen, the \
                days of the story (the mission starts today, the day it is proposed and accepted, and its first \
                day of work is logged), and two tokens.""", List.of(
                new Let("NEEDS", new ServiceUrl("needs-service")),
                new Let("VOLUNTEERS", new ServiceUrl("volunteer-service")),
                new Let("MATCHING", new ServiceUrl("matching-service")),
                new Let("IMPACT", new ServiceUrl("impact-service")),
                new Let("TODAY", new Day(0, false)),
                new Let("START", new Day(START, false)),
                new Let("WINDOW_END", new Day(60, false)),
                new Let("YEAR", new Day(0, true)),
                new Let("CCI", new Token("cci", null)),
                new Let("ANALYST", new Token("analyst", null))));
    }

    private static Chapter partners() {
        return new Chapter("1. The CCI enrols two partner companies", """
                Each comes with its pledge for the year: the volunteer days it promises and the daily rate that \
                values them.""", List.of(
                enrolPartner("SAINT_GOBAIN", "Saint-Gobain", "Aniche", "59008", 40, 650),
                enrolPartner("ALSTOM", "Alstom Transport", "Petite-Forêt", "59459", 30, 600),
                new Let("HR_SAINT_GOBAIN", new Token("partner-hr", "SAINT_GOBAIN")),
                new Let("HR_ALSTOM", new Token("partner-hr", "ALSTOM"))));
    }

    private static Call enrolPartner(String variable, String name, String site, String commune, int days, int rate) {
        return post("Enrol " + name + " with its pledge", "VOLUNTEERS", "/partners", "CCI", """
                {"name": "%s", "group": "%s", "site": "%s", "communeCode": "%s",
                 "pledge": {"year": ${YEAR}, "pledgedDays": %d, "dailyRate": %d}}""".formatted(name, name, site, commune, days, rate))
                .withCapture(variable, ".partnerId")
                .doneWhen("/partners", "CCI", all -> first(all, p -> p.path("name").asText().equals(name)
                        && p.path("site").asText().equals(site), "partnerId"));
    }

    private static Chapter volunteers() {
        return new Chapter("2. The partners' HR systems upload their volunteering managers", """
                Saint-Gobain's HR system sends JSON, Alstom's sends a CSV file. Both uploads are keyed by the \
                partner's own employee reference, so sending the same file again changes nothing. Names and \
                e-mail addresses stay in volunteer-service: events carry pseudonymous ids only.""", List.of(
                post("Saint-Gobain uploads two managers, one of them an IT project manager who writes requirements",
                        "VOLUNTEERS", "/partners/${SAINT_GOBAIN}/volunteers/bulk", "HR_SAINT_GOBAIN", """
                        {"volunteers": [
                          {"employeeRef": "SG-1001", "name": "Claire Lenoir", "email": "claire.lenoir@saint-gobain.example",
                           "skills": [{"skillId": "it-requirements", "level": 4}, {"skillId": "management-project", "level": 3}],
                           "daysPerMonth": 3, "communeCode": "59606", "maxTravelKm": 40},
                          {"employeeRef": "SG-1002", "name": "Marc Dubois", "email": "marc.dubois@saint-gobain.example",
                           "skills": [{"skillId": "accounting-general", "level": 3}, {"skillId": "finance-budget", "level": 3}],
                           "daysPerMonth": 2, "communeCode": "59008", "maxTravelKm": 30}]}""")
                        .expecting(200)
                        .withCapture("CLAIRE", ".results[0].volunteerId")
                        .withCapture("MARC", ".results[1].volunteerId"),
                call("Alstom uploads a CSV file", "POST", "VOLUNTEERS", "/partners/${ALSTOM}/volunteers/bulk", "HR_ALSTOM",
                        "text/csv", """
                        employeeRef;name;email;skills;daysPerMonth;communeCode;maxTravelKm
                        ALS-2001;Nadia Benali;nadia.benali@alstom.example;it-requirements:2|quality-lean:3;2;59459;50
                        ALS-2002;Julien Caron;julien.caron@alstom.example;accounting-general:4|accounting-cost:3;2;59383;25""", 200)
                        .withCapture("NADIA", ".results[0].volunteerId")
                        .withCapture("JULIEN", ".results[1].volunteerId"),
                new Let("VOLUNTEER_CLAIRE", new Token("volunteer", "CLAIRE")),
                new Let("VOLUNTEER_JULIEN", new Token("volunteer", "JULIEN"))));
    }

    private static Chapter florist() {
        return new Chapter("3. A florist applies and the selection committee approves it", """
                Féérie Quennesson, a florist of 17 employees near Valenciennes, applies with its hiring plan. The \
                SIRET is checked (14 digits, Luhn), and a second application with the same SIRET would be refused \
                with 409.""", List.of(
                new Let("FLORIST", new Literal(FLORIST)),
                new Let("SME_FLORIST", new Token("sme", "FLORIST")),
                apply("The florist applies", "SME_FLORIST", "FLORIST", "81234567800013", "Féérie Quennesson", "47.76Z",
                        "59544", 17, 3, "Sophie Quennesson", "contact@feerie-quennesson.example"),
                decide("The committee approves it", "FLORIST", "APPROVED",
                        "Credible plan to hire 3 people within 3 years")));
    }

    private static Chapter need() {
        return new Chapter("4. The florist publishes its need", """
                The florist is replacing its software and needs someone to write the IT requirements. Skill ids come \
                from the skill taxonomy that volunteer-service publishes (`GET $VOLUNTEERS/skills`).""", List.of(
                publishNeed("The florist publishes its need", "NEED_IT", "SME_FLORIST", "FLORIST", "IT_REQUIREMENTS", "Requirements for the shop's new software",
                        "Write the requirements spec for replacing the till, stock and ordering software.",
                        "[{\"skillId\": \"it-requirements\", \"level\": 3}, {\"skillId\": \"management-project\", \"level\": 2}]",
                        "4")));
    }

    private static Chapter matching() {
        return new Chapter("5. Matching ranks the volunteers; the CCI proposes; the three parties accept", """
                The ranking explains every score by its parts (skills, availability, proximity, load, spread across \
                partners). Claire, Saint-Gobain's IT project manager, comes first: she holds the skills at the level \
                asked and lives in the florist's intercommunality. The SME, the volunteer and her employer accept \
                in any order; the last acceptance starts the mission.""", List.of(
                candidates("NEED_IT", "both managers with IT skills are listed", 2),
                propose("The CCI proposes Claire, first in the ranking", "MISSION_IT", "NEED_IT", "CLAIRE"),
                accept("The florist accepts", "SME_FLORIST", "SME", null),
                accept("Saint-Gobain accepts for its employee", "HR_SAINT_GOBAIN", "EMPLOYER", null),
                accept("Claire accepts, and the mission starts", "VOLUNTEER_CLAIRE", "VOLUNTEER", "${START}")));
    }

    private static Chapter mission() {
        return new Chapter("6. The manager logs her day; the florist confirms completion", """
                Time is logged from the start to today, at most 10 hours a day. Time entries are never edited: a \
                correction is a new entry naming the one it replaces.""", List.of(
                logTime("MISSION_IT", "${START}", "3", null, 0),
                logTime("MISSION_IT", "${TODAY}", "3.5", null, 1).withCapture("ENTRY2", ".entryId"),
                logTime("MISSION_IT", "${TODAY}", "4", "${ENTRY2}", 2),
                post("The florist confirms completion, with the outcome and its satisfaction", "MATCHING",
                        "/missions/${MISSION_IT}/completion", "SME_FLORIST", """
                        {"outcome": "Requirements spec delivered; three vendors consulted", "satisfaction": 5}""")
                        .expecting(200)
                        .doneWhen("/missions/${MISSION_IT}", "CCI", state("COMPLETED"))));
    }

    private static Chapter rebuild() {
        return new Chapter("7. A projection rebuild, while the story goes on", """
                The CCI rebuilds impact-service's projections from offset 0 of the topics. The current tables keep \
                answering while the new ones fill; the switch is atomic, and no figure changes.""", List.of(
                post("Start a rebuild", "IMPACT", "/events/rebuild", "CCI", null).expecting(202).alsoAccepting(409)));
    }

    private static Chapter jobs() {
        return new Chapter("8. The florist reports the jobs created and preserved", """
                Jobs are reported, never inferred: created or preserved, with the contract type.""", List.of(
                reportJobs(2, "CREATED", "CDI", 0),
                reportJobs(1, "CREATED", "APPRENTICESHIP", 1),
                reportJobs(3, "PRESERVED", "CDI", 2),
                post("It declares its new headcount", "NEEDS", "/smes/${FLORIST}/headcount-declarations", "SME_FLORIST", """
                        {"date": "${TODAY}", "headcount": 20}""").expecting(204)
                        .doneWhen("/smes/${FLORIST}/employment", "SME_FLORIST", employment -> employment.path("headcounts").isEmpty()
                                ? Optional.empty() : Optional.of(""))));
    }

    private static Chapter whatCountsNowhere() {
        return new Chapter("9. A rejected SME, a declined proposal, a cancelled mission", """
                A garage is refused by the committee. A joinery is approved and publishes a need; the first manager \
                proposed declines, and the second proposal is cancelled by the CCI before the mission starts. None \
                of this counts as support, as time given or as jobs.""", List.of(
                new Let("GARAGE", new Literal(GARAGE)),
                apply("The CCI records the garage's application", "CCI", "GARAGE", "52345678900016", "Garage du Hainaut",
                        "45.20A", "59172", 9, 1, "Patrick Lefebvre", "garage.hainaut@example.org"),
                decide("The committee rejects it", "GARAGE", "REJECTED", "Hiring plan below the programme's minimum of 3 jobs"),
                new Let("JOINERY", new Literal(JOINERY)),
                new Let("SME_JOINERY", new Token("sme", "JOINERY")),
                apply("The CCI records the joinery's application", "CCI", "JOINERY", "43219876500013", "Menuiserie Delattre",
                        "16.23Z", "59383", 12, 4, "Hélène Delattre", "contact@menuiserie-delattre.example"),
                decide("The committee approves it", "JOINERY", "APPROVED", "Export project with 4 hires planned"),
                publishNeed("The joinery publishes its need", "NEED_ACCOUNTING", "SME_JOINERY", "JOINERY", "ACCOUNTING", "Set up cost accounting",
                        "Know the cost of each product line before quoting for export.",
                        "[{\"skillId\": \"accounting-cost\", \"level\": 2}, {\"skillId\": \"accounting-general\", \"level\": 2}]",
                        "3"),
                candidates("NEED_ACCOUNTING", "both managers with accounting skills are listed", 2),
                propose("The CCI proposes Julien (Alstom)", "MISSION_DECLINED", "NEED_ACCOUNTING", "JULIEN"),
                post("Julien declines", "MATCHING", "/missions/${MISSION_DECLINED}/refusal", "VOLUNTEER_JULIEN", """
                        {"reason": "Already committed to a project at work this quarter"}""")
                        .expecting(200)
                        .doneWhen("/missions/${MISSION_DECLINED}", "CCI", state("DECLINED")),
                propose("The CCI proposes Marc (Saint-Gobain)", "MISSION_CANCELLED", "NEED_ACCOUNTING", "MARC"),
                post("The joinery accepts", "MATCHING", "/missions/${MISSION_CANCELLED}/acceptance", "SME_JOINERY", "{}")
                        .expecting(200)
                        .doneWhen("/missions/${MISSION_CANCELLED}", "CCI", accepted("SME")),
                post("The CCI cancels the proposal before it starts", "MATCHING", "/missions/${MISSION_CANCELLED}/cancellation",
                        "CCI", """
                        {"reason": "The joinery postponed its export project to next year"}""")
                        .expecting(200)
                        .doneWhen("/missions/${MISSION_CANCELLED}", "CCI", state("CANCELLED")),
                get("Julien is now left out of this need's ranking, with the reason", "MATCHING",
                        "/needs/${NEED_ACCOUNTING}/candidates?exclusions=true", "CCI")
                        .until("Julien is listed as DECLINED_THIS_NEED", answer -> stream(answer.path("exclusions"))
                                .anyMatch(e -> e.path("reason").asText().equals("DECLINED_THIS_NEED")))));
    }

    private static Chapter figures() {
        return new Chapter("10. What impact-service shows", """
                impact-service projects the three topics. An `analyst` token reads every figure and sees no \
                personal data; the same reports exist as CSV (`Accept: text/csv`, or `?format=csv&sep=semicolon` \
                for French spreadsheets). The dashboard at `$IMPACT/dashboard/` draws them.""", List.of(
                get("The rebuild started in chapter 7 has switched over", "IMPACT", "/events/rebuild", "CCI")
                        .until("state is SWITCHED", answer -> answer.path("state").asText().equals("SWITCHED")),
                get("The mission's full history: who did what, when", "IMPACT", "/missions/${MISSION_IT}/history", "ANALYST")
                        .until("it shows MissionCompleted", answer -> hasType(answer, "MissionCompleted")),
                get("One supported SME this year, against the target of 15", "IMPACT", "/targets/${YEAR}", "ANALYST")
                        .until("supportedSmes is 1", answer -> answer.path("supportedSmes").asInt() >= 1),
                get("The jobs", "IMPACT", "/employment/${YEAR}", "ANALYST")
                        .until("the florist's 6 jobs are counted", answer -> answer.path("jobsCreated").asLong()
                                + answer.path("jobsPreserved").asLong() >= 6),
                get("Saint-Gobain's contribution in hours, skill-days and value", "IMPACT", "/contributions/${YEAR}", "ANALYST")
                        .until("Saint-Gobain's hours are in", answer -> stream(answer.path("partners"))
                                .anyMatch(p -> p.path("name").asText().equals("Saint-Gobain") && p.path("hours").asDouble() > 0)),
                get("The garage's timeline shows the committee's rejection", "IMPACT", "/smes/${GARAGE}/timeline", "ANALYST")
                        .until("it shows SmeRejected", answer -> hasType(answer, "SmeRejected")),
                get("The cancelled mission's history", "IMPACT", "/missions/${MISSION_CANCELLED}/history", "ANALYST")
                        .until("it shows MissionCancelled", answer -> hasType(answer, "MissionCancelled"))));
    }

    // ------------------------------------------------------------------ building blocks

    private static Call apply(String says, String token, String smeVariable, String siret, String name, String naf,
                              String commune, int headcount, int hiringPlan, String contact, String email) {
        return post(says, "NEEDS", "/smes", token, """
                {"smeId": "${%s}", "siret": "%s", "name": "%s", "nafCode": "%s", "communeCode": "%s",
                 "headcount": %d, "hiringPlanJobs": %d, "contact": {"name": "%s", "email": "%s"}}"""
                .formatted(smeVariable, siret, name, naf, commune, headcount, hiringPlan, contact, email))
                .doneWhen("/smes/${" + smeVariable + "}", "CCI", sme -> Optional.of(""));
    }

    private static Call decide(String says, String smeVariable, String decision, String reason) {
        return post(says, "NEEDS", "/smes/${" + smeVariable + "}/decision", "CCI", """
                {"decision": "%s", "reason": "%s"}""".formatted(decision, reason))
                .expecting(204)
                .doneWhen("/smes/${" + smeVariable + "}", "CCI", sme -> sme.path("status").asText().equals("APPLIED")
                        ? Optional.empty() : Optional.of(""));
    }

    private static Call publishNeed(String says, String variable, String token, String smeVariable, String category,
                                    String title, String description, String skills, String effortDays) {
        return post(says, "NEEDS", "/needs", token, """
                {"category": "%s", "title": "%s",
                 "description": "%s",
                 "skills": %s,
                 "effortDays": %s, "windowStart": "${START}", "windowEnd": "${WINDOW_END}"}"""
                .formatted(category, title, description, skills, effortDays))
                .withCapture(variable, ".needId")
                .doneWhen("/smes/${" + smeVariable + "}/needs", "CCI",
                        page -> first(page.path("items"), n -> n.path("title").asText().equals(title), "needId"));
    }

    private static Call candidates(String needVariable, String until, int atLeast) {
        return get("Rank the volunteers for the need, with the reasons and who is left out", "MATCHING",
                "/needs/${" + needVariable + "}/candidates?exclusions=true", "CCI")
                .until(until, answer -> answer.path("candidates").size() + answer.path("exclusions").size() >= atLeast);
    }

    private static Call propose(String says, String variable, String needVariable, String volunteerVariable) {
        return post(says, "MATCHING", "/missions", "CCI", """
                {"needId": "${%s}", "volunteerId": "${%s}"}""".formatted(needVariable, volunteerVariable))
                .withCapture(variable, ".missionId")
                .doneWhen("/missions?needId=${" + needVariable + "}", "CCI", (page, variables) -> first(page.path("items"),
                        m -> m.path("volunteerId").asText().equals(variables.apply("${" + volunteerVariable + "}")), "missionId"));
    }

    private static Call accept(String says, String token, String party, String startDate) {
        return post(says, "MATCHING", "/missions/${MISSION_IT}/acceptance", token,
                startDate == null ? "{}" : "{\"startDate\": \"" + startDate + "\"}")
                .expecting(200)
                .doneWhen("/missions/${MISSION_IT}", "CCI", accepted(party));
    }

    private static Call logTime(String missionVariable, String date, String hours, String corrects, int index) {
        String correction = corrects == null ? "" : ", \"correctsEntryId\": \"" + corrects + "\"";
        return post(corrects == null ? "Log " + hours + " hours on " + date : "Correct that entry: " + hours + " hours instead",
                "MATCHING", "/missions/${" + missionVariable + "}/time-entries", "VOLUNTEER_CLAIRE", """
                {"date": "%s", "hours": %s%s}""".formatted(date, hours, correction))
                .doneWhen("/missions/${" + missionVariable + "}", "CCI", mission -> {
                    JsonNode entry = mission.path("timeEntries").path(index);
                    return entry.isMissingNode() ? Optional.empty() : Optional.of(entry.path("entryId").asText());
                });
    }

    private static Call reportJobs(int count, String kind, String contractType, int index) {
        return post("It reports " + count + (count == 1 ? " job " : " jobs ") + kind.toLowerCase() + " (" + contractType + ")", "NEEDS",
                "/smes/${FLORIST}/job-reports", "SME_FLORIST", """
                {"date": "${TODAY}", "count": %d, "kind": "%s", "contractType": "%s"}""".formatted(count, kind, contractType))
                .doneWhen("/smes/${FLORIST}/employment", "SME_FLORIST", employment -> employment.path("jobReports").size() > index
                        ? Optional.of("") : Optional.empty());
    }

    private static Function<JsonNode, Optional<String>> state(String state) {
        return mission -> mission.path("state").asText().equals(state) ? Optional.of("") : Optional.empty();
    }

    private static Function<JsonNode, Optional<String>> accepted(String party) {
        return mission -> !mission.path("state").asText().equals("PROPOSED")
                || stream(mission.path("acceptedBy")).anyMatch(p -> p.asText().equals(party)) ? Optional.of("") : Optional.empty();
    }

    private static Optional<String> first(JsonNode array, Predicate<JsonNode> which, String field) {
        return stream(array).filter(which).findFirst().map(n -> n.path(field).asText());
    }

    private static boolean hasType(JsonNode history, String type) {
        return stream(history.path("events")).anyMatch(e -> e.path("type").asText().equals(type));
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private static Call get(String says, String service, String path, String token) {
        return call(says, "GET", service, path, token, null, null, 200);
    }

    private static Call post(String says, String service, String path, String token, String json) {
        return call(says, "POST", service, path, token, json == null ? null : "application/json", json, 201);
    }

    private static Call call(String says, String method, String service, String path, String token, String contentType,
                             String body, int expected) {
        return new Call(says, method, service, path, token, contentType, body, Set.of(expected), List.of(), null, null);
    }
}
