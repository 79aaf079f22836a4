package fr.alize.impact.dashboard;

import fr.alize.impact.TestEvents;
import fr.alize.impact.TestEvents.Event;
import fr.alize.impact.TestEvents.Mission;
import fr.alize.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static fr.alize.impact.TestEvents.event;
import static fr.alize.impact.TestEvents.id;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The programme dashboard and the annual report, loaded in headless Chromium (Debian's {@code chromium} package) on a
 * programme of two years (2012 and 2013: three SMEs supported, job reports, one of them re-sent and one recorded
 * late, two partners with pledges, a declined and a cancelled proposal, SMEs and needs waiting). The story's events
 * happened in 2012 and 2013 (their business dates and {@code ce_time}) and are recorded now: the broker refuses record
 * timestamps more than an hour ahead, so "as of" is the instant right after the story was recorded, and the late
 * report is recorded after it.
 * What the pages show is compared with what the API answers; the report is printed to PDF and its text read back;
 * axe-core checks both pages. Screenshots and the PDF are left in {@code target/dashboard/} for a person to look at.
 * Without Chromium the tests are skipped, saying how to enable them.
 */
@QuarkusTest
class DashboardBrowserTest {

    static final Path CHROMIUM = Path.of(System.getProperty("alize.chromium", "/usr/bin/chromium"));
    static final Path ARTEFACTS = Path.of("target", "dashboard");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** The instant the report is asked as of: after the story was recorded, before the late report was. */
    static String AS_OF;
    static LocalDate today;

    // the story's ids, so that the worklist's rows can be told from those of other test classes (one database)
    static final String FLORIST = id(), MECHANICS = id(), HAULIER = id(), BAKERY = id(), REJECTED = id();
    static final String SAINT_GOBAIN = id(), ALSTOM = id();
    static final String NEED_WAITING = id(), NEED_RECENT = id(), NEED_WITHDRAWN = id(), NEED_PROPOSED = id();
    static Mission m1, m2, m3, m4, m5, m6;

    @TestHTTPResource("/dashboard/index.html")
    URL page;
    @TestHTTPResource("/dashboard/report.html")
    URL report;
    @TestHTTPResource("/dashboard-probe/index.html")
    URL probe;
    @TestHTTPResource("/dashboard-probe/axe.html")
    URL axe;

    @BeforeEach
    void story() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "SKIPPED: no headless browser at " + CHROMIUM
                + "; install Debian's chromium (apt-get install chromium) or point -Dalize.chromium at one to run this test");
        TestEvents.once(this, DashboardBrowserTest::twoYears);
    }

    static Instant at(String date) {
        return Instant.parse(date + "T09:00:00Z");
    }

    static void send(Event event, String date) {
        event.occurredAt(at(date)).sendLater();
    }

    static void sme(String smeId, String name, String naf, String commune, String date) {
        send(event("SmeApplied").with("smeId", smeId).with("name", name).with("nafCode", naf).with("communeCode", commune)
                .with("headcount", 12).with("hiringPlanJobs", 3), date);
    }

    static void accepted(Mission mission, String date, String... parties) {
        for (String party : parties) {
            send(mission.event("MissionAccepted").with("party", party), date);
        }
    }

    static void proposed(Mission mission, String date) {
        send(mission.event("MissionProposed").with("proposedBy", "CCI").with("score", 0.8).with("proposedOn", date), date);
    }

    static void jobs(String smeId, String reportId, String date, int count, String kind, String contract, String recorded) {
        event("JobsReported").with("smeId", smeId).with("reportId", reportId).with("date", date).with("count", count)
                .with("kind", kind).with("contractType", contract).occurredAt(at(recorded)).sendLater();
    }

    static void need(String needId, String smeId, String category, String title, String date) {
        send(event("NeedPublished").with("needId", needId).with("smeId", smeId).with("category", category).with("title", title), date);
    }

    /** Two years of the programme, all recorded before {@link #AS_OF} but one late job report. */
    static void twoYears() {
        send(event("PartnerEnrolled").with("partnerId", SAINT_GOBAIN).with("name", "Saint-Gobain Glass"), "2012-01-05");
        send(event("PartnerEnrolled").with("partnerId", ALSTOM).with("name", "Alstom Transport"), "2012-01-06");
        send(event("PartnerPledgeSet").with("partnerId", SAINT_GOBAIN).with("year", 2012).with("pledgedDays", 10).with("dailyRate", 600), "2012-01-07");
        send(event("PartnerPledgeSet").with("partnerId", SAINT_GOBAIN).with("year", 2013).with("pledgedDays", 12).with("dailyRate", 650), "2013-01-07");
        send(event("PartnerPledgeSet").with("partnerId", ALSTOM).with("year", 2013).with("pledgedDays", 5).with("dailyRate", 550), "2013-01-08");

        sme(FLORIST, "Fleurs du Hainaut", "47.76Z", "59606", "2012-01-20");
        sme(MECHANICS, "Mécanique d'Anzin", "25.62B", "59014", "2012-02-10");
        sme(HAULIER, "Transports de Denain", "49.41A", "59172", "2012-11-03");
        sme(BAKERY, "Boulangerie d'Onnaing", "10.71C", "59447", "2013-12-01");
        sme(REJECTED, "Négoce Condé", "46.90Z", "59153", "2013-03-01");
        for (String approved : List.of(FLORIST, MECHANICS, HAULIER)) {
            send(event("SmeApproved").with("smeId", approved), "2012-12-01");
        }
        send(event("SmeRejected").with("smeId", REJECTED), "2013-04-01");

        m1 = Mission.of(FLORIST, SAINT_GOBAIN);
        m2 = Mission.of(MECHANICS, ALSTOM);
        m3 = Mission.of(HAULIER, SAINT_GOBAIN);
        m4 = new Mission(id(), NEED_PROPOSED, FLORIST, id(), ALSTOM);
        m5 = Mission.of(HAULIER, ALSTOM);
        m6 = Mission.of(MECHANICS, SAINT_GOBAIN);
        proposed(m1, "2012-02-20");
        accepted(m1, "2012-02-25", "SME", "VOLUNTEER", "EMPLOYER");
        send(m1.started("2012-03-02"), "2012-03-02");
        for (String day : List.of("2012-03-03", "2012-03-10", "2012-03-17")) {
            send(m1.logged(id(), day, 7, null), day);
        }
        send(m1.event("MissionCompleted").with("completedOn", "2012-04-01"), "2012-04-01");
        proposed(m2, "2012-09-01");
        accepted(m2, "2012-09-05", "SME", "VOLUNTEER", "EMPLOYER");
        send(m2.started("2012-09-15"), "2012-09-15");
        send(m2.logged(id(), "2013-01-10", 7, null), "2013-01-10");
        send(m2.logged(id(), "2013-01-11", 3.5, null), "2013-01-11");
        today = LocalDate.now(PARIS);
        send(m2.logged(id(), today.minusDays(5).toString(), 3.5, null), today.minusDays(5).toString());
        proposed(m3, "2013-01-20");
        accepted(m3, "2013-01-25", "SME", "VOLUNTEER", "EMPLOYER");
        send(m3.started("2013-02-01"), "2013-02-01");
        send(m3.logged(id(), "2013-11-01", 7, null), "2013-11-01");

        need(NEED_WAITING, FLORIST, "IT_REQUIREMENTS", "Cahier des charges du logiciel de caisse", "2013-10-01");
        need(NEED_RECENT, HAULIER, "EXPORT", "Premiers clients en Belgique", today.minusDays(3).toString());
        need(NEED_WITHDRAWN, MECHANICS, "ACCOUNTING", "Tableau de bord comptable", "2013-09-01");
        send(event("NeedWithdrawn").with("needId", NEED_WITHDRAWN).with("smeId", MECHANICS), "2013-09-20");
        need(NEED_PROPOSED, FLORIST, "CERTIFICATION", "Certification ISO 9001", "2013-09-01");
        proposed(m4, "2013-12-20");
        accepted(m4, "2013-12-22", "SME");
        proposed(m5, "2013-05-01");
        send(m5.event("MissionDeclined").with("party", "VOLUNTEER"), "2013-05-03");
        proposed(m6, "2013-06-01");
        accepted(m6, "2013-06-02", "SME", "VOLUNTEER", "EMPLOYER");
        send(m6.event("MissionCancelled"), "2013-06-10");

        jobs(FLORIST, id(), "2012-11-10", 3, "CREATED", "CDI", "2012-11-12");
        jobs(FLORIST, id(), "2013-05-01", 2, "PRESERVED", "CDD", "2013-05-02");
        String resent = id();
        jobs(MECHANICS, resent, "2013-03-01", 4, "CREATED", "APPRENTICESHIP", "2013-03-02");
        jobs(MECHANICS, resent, "2013-03-01", 5, "CREATED", "APPRENTICESHIP", "2013-03-09");
        jobs(HAULIER, id(), "2013-06-01", 1, "CREATED", "INTERIM", "2013-06-03");
        TestEvents.flush();
        Instant asOf = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        AS_OF = asOf.toString();
        // reported late: recorded after the annual report's as-of instant, so that report does not count it
        event("JobsReported").with("smeId", MECHANICS).with("reportId", id()).with("date", "2013-12-15").with("count", 7)
                .with("kind", "CREATED").with("contractType", "CDI").occurredAt(at("2014-02-01")).recordedAt(asOf.plusSeconds(1)).send();
        TestEvents.flush();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            given().auth().oauth2(Tokens.cci()).when().get("/totals?from=2012-01-01&to=2013-12-31").then()
                    .body("companiesSupported", equalTo(3)).body("jobsCreated", equalTo(16)).body("jobsPreserved", equalTo(2));
            given().auth().oauth2(Tokens.cci()).when().get("/worklist?days=30&asOf=" + AS_OF).then()
                    .body("proposalsAwaitingAcceptance.missionId", org.hamcrest.Matchers.hasItem(m4.missionId()));
            given().auth().oauth2(Tokens.cci()).when().get("/contributions/2013").then()
                    .body("partners.findAll { it.partnerId == '" + ALSTOM + "' }.hours[0]", equalTo(10.5f));
        });
    }

    static JsonPath api(String path) {
        return given().auth().oauth2(Tokens.cci()).when().get(path).then().statusCode(200).extract().jsonPath();
    }

    static String text(Element element) {
        // French numbers group digits with a narrow no-break space (U+202F) and put a no-break space before units
        return element.text().replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    @Test
    void theProgrammeViewShowsTheApisFiguresAndBreakdownsThatAddUpToTheHeadline() throws Exception {
        String url = page + "?from=2012&to=2013&asOf=" + AS_OF + "&days=30#token=" + Tokens.cci();
        Document dom = Jsoup.parse(render(url));
        screenshot(url, "dashboard-fr.png");
        screenshot(page + "?from=2012&to=2013&asOf=" + AS_OF + "&days=30&lang=en#token=" + Tokens.cci(), "dashboard-en.png");

        assertThat(dom.body().attr("data-state")).as(dom.select("#message").text()).isEqualTo("ready");
        JsonPath totals = api("/totals" + period());
        long companies = totals.getLong("companiesSupported"), created = totals.getLong("jobsCreated"),
                preserved = totals.getLong("jobsPreserved");
        assertThat(List.of(companies, created, preserved)).as("the story as of %s", AS_OF).containsExactly(3L, 9L, 2L);
        assertThat(text(dom.selectFirst("#as-of-note"))).startsWith("Chiffres arrêtés au "
                + DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH).format(Instant.parse(AS_OF).atZone(PARIS)));
        assertThat(text(dom.selectFirst("#headline")))
                .isEqualTo("En 2012–2013, " + companies + " entreprises accompagnées, " + created + " emplois créés et "
                        + preserved + " préservés.");
        assertThat(dom.selectFirst("[data-figure=companiesSupported]").attr("href")).isEqualTo("#liste-entreprises");
        assertThat(dom.selectFirst("[data-figure=jobsCreated]").attr("href")).isEqualTo("#liste-emplois");

        // the lists behind the figures: which companies, which reports
        assertThat(dom.select("#smes-table tbody tr")).hasSize((int) companies);
        assertThat(dom.select("#smes-table tbody tr th").eachText())
                .containsExactly("Fleurs du Hainaut", "Mécanique d'Anzin", "Transports de Denain");
        assertThat(dom.select("#smes-table tbody tr").eachAttr("data-sme")).containsExactlyInAnyOrder(FLORIST, MECHANICS, HAULIER);
        assertThat(sum(dom.select("#reports-table tbody tr[data-kind=CREATED]").eachAttr("data-count"))).isEqualTo(created);
        assertThat(sum(dom.select("#reports-table tbody tr[data-kind=PRESERVED]").eachAttr("data-count"))).isEqualTo(preserved);
        assertThat(text(dom.selectFirst("#reports-table tbody tr"))).contains("10 novembre 2012", "créés", "CDI");

        // target progress of each year of the period, with its figures as text
        for (int year : List.of(2012, 2013)) {
            JsonPath target = api("/targets/" + year + "?asOf=" + AS_OF);
            Element figure = dom.selectFirst("figure.target[data-year=" + year + "]");
            assertThat(figure.attr("data-supported")).isEqualTo(target.getString("supportedSmes"));
            assertThat(text(figure.selectFirst("figcaption"))).startsWith(year + " : " + target.getInt("supportedSmes")
                    + " PME accompagnée").contains("sur un objectif de " + target.getInt("target"));
        }
        assertThat(text(dom.selectFirst("figure.target[data-year=2012] figcaption"))).startsWith("2012 : 2 PME accompagnées");

        // every breakdown adds up to the headline's jobs
        for (String table : List.of("byEpci", "byCommune", "byNafSection", "byContractType")) {
            Element t = dom.getElementById(table);
            assertThat(sum(t.select("tbody tr").eachAttr("data-created"))).as(table).isEqualTo(created);
            assertThat(sum(t.select("tbody tr").eachAttr("data-preserved"))).as(table).isEqualTo(preserved);
            assertThat(text(t.selectFirst("tfoot"))).as(table).isEqualTo("Total " + created + " " + preserved + " " + (created + preserved));
        }
        assertThat(dom.select("#byEpci tbody tr").eachAttr("data-key")).as("sorted by jobs")
                .containsExactly("245901160", "200042190");
        assertThat(text(dom.selectFirst("#byCommune tbody tr th"))).isEqualTo("Anzin (59014)");
        assertThat(dom.select("#byEpci tbody tr th").eachText())
                .containsExactly("CA Valenciennes Métropole (245901160)", "CA de la Porte du Hainaut (200042190)");
        assertThat(sum(dom.select("#jobs-table tbody tr td:eq(1)").eachText())).isEqualTo(created);

        // partner contributions against pledges, in French formats
        Element alstom = dom.selectFirst("#partners-table tr[data-partner=Alstom Transport]");
        assertThat(text(alstom)).isEqualTo("Alstom Transport 10,5 1,5 jour 5 jours 30 % 825 €");
        assertThat(text(dom.selectFirst("#partners-table tr[data-partner=Saint-Gobain Glass]")))
                .isEqualTo("Saint-Gobain Glass 28 4 jours 22 jours 18 % 2 450 €");

        // the missions funnel and needs by category, equal to the API
        JsonPath activity = api("/programme/activity" + period());
        for (String stage : List.of("PROPOSED", "ACCEPTED", "STARTED", "COMPLETED", "DECLINED", "CANCELLED")) {
            assertThat(dom.selectFirst("#funnel-table tr[data-stage=" + stage + "] td").text()).as(stage)
                    .isEqualTo(activity.getString("missions." + stage));
        }
        assertThat(activity.getMap("missions")).containsEntry("PROPOSED", 6).containsEntry("ACCEPTED", 4)
                .containsEntry("STARTED", 3).containsEntry("COMPLETED", 1).containsEntry("DECLINED", 1).containsEntry("CANCELLED", 1);
        assertThat(dom.select("#needs-table tbody tr").eachAttr("data-category"))
                .containsExactlyInAnyOrder("IT_REQUIREMENTS", "ACCOUNTING", "CERTIFICATION");

        // the coordinator's worklist: exactly the story's waiting items (other test classes share the database)
        Set<String> ours = Set.of(FLORIST, MECHANICS, HAULIER, BAKERY, REJECTED, NEED_WAITING, NEED_RECENT, NEED_WITHDRAWN,
                NEED_PROPOSED, m1.missionId(), m2.missionId(), m3.missionId(), m4.missionId(), m5.missionId(), m6.missionId());
        assertThat(ids(dom, "#committee", ours)).containsExactly(BAKERY);
        assertThat(ids(dom, "#no-proposal", ours)).containsExactly(NEED_WAITING);
        assertThat(ids(dom, "#awaiting", ours)).containsExactly(m4.missionId());
        assertThat(dom.selectFirst("#awaiting tr[data-id=" + m4.missionId() + "]").attr("data-waiting-for")).isEqualTo("VOLUNTEER EMPLOYER");
        JsonPath worklist = api("/worklist?days=30&asOf=" + AS_OF);
        long waiting = ChronoUnit.DAYS.between(LocalDate.parse("2013-12-20"), today);
        assertThat(worklist.getLong("proposalsAwaitingAcceptance.find { it.missionId == '" + m4.missionId() + "' }.daysWaiting"))
                .isEqualTo(waiting);
        assertThat(text(dom.selectFirst("#awaiting tr[data-id=" + m4.missionId() + "]")))
                .contains("le bénévole, l’employeur", "20 décembre 2013", french(waiting) + " jours");
        assertThat(ids(dom, "#no-time", ours)).containsExactly(m3.missionId());
        assertThat(text(dom.selectFirst("#no-time tr[data-id=" + m3.missionId() + "]")))
                .contains("1 novembre 2013", french(ChronoUnit.DAYS.between(LocalDate.parse("2013-11-01"), today)) + " jours");
        assertThat(dom.select("#no-time tr[data-id=" + m2.missionId() + "]")).as("time logged 5 days ago").isEmpty();
        assertThat(dom.html()).as("the token left in the page").doesNotContain(Tokens.cci());
    }

    @Test
    void anAnalystSeesTheFiguresButNotTheWorklistAndEnglishIsAnOption() throws Exception {
        Document dom = Jsoup.parse(render(page + "?from=2012&to=2013&asOf=" + AS_OF + "&lang=en#token=" + Tokens.analyst()));

        assertThat(dom.body().attr("data-state")).isEqualTo("ready");
        assertThat(dom.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(text(dom.selectFirst("#headline"))).isEqualTo("In 2012–2013, 3 companies supported, 9 jobs created and 2 preserved.");
        assertThat(dom.select("#worklist table")).isEmpty();
        assertThat(dom.selectFirst("#worklist").text()).contains("role cci");
        given().auth().oauth2(Tokens.analyst()).when().get("/worklist").then().statusCode(403);
    }

    @Test
    void theAnnualReportPrintsToPdfWithTheYearsFiguresAsOfItsDate() throws Exception {
        String url = report + "?year=2013&asOf=" + AS_OF + "#token=" + Tokens.cci();
        Document dom = Jsoup.parse(render(url));
        assertThat(dom.body().attr("data-state")).as(dom.select("#message").text()).isEqualTo("ready");
        Path pdf = printToPdf(url, "annual-report-2013.pdf");
        screenshot(url, "annual-report-2013.png");

        String text;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(document).replace('\u202f', ' ').replace('\u00a0', ' ')
                    .replaceAll("\\s+", " ");
        }
        JsonPath totals = api("/totals?from=2013-01-01&to=2013-12-31&asOf=" + AS_OF);
        JsonPath basis = api("/programme/basis?asOf=" + AS_OF);
        assertThat(List.of(totals.getLong("companiesSupported"), totals.getLong("jobsCreated"), totals.getLong("jobsPreserved")))
                .containsExactly(1L, 6L, 2L);
        assertThat(api("/totals?from=2013-01-01&to=2013-12-31").getLong("jobsCreated")).as("without the as-of date").isEqualTo(13L);
        assertThat(text).contains("Rapport annuel 2013",
                "En 2013, 1 entreprise accompagnée, 6 emplois créés et 2 préservés.",
                "PME accompagnées 1 / 15", "Emplois créés 6", "Emplois préservés 2", "Jours de compétences 2,5 jours",
                "Valeur des jours donnés 1 475 €",
                "Transports de Denain Denain H 1 février 2013",
                "PME accompagnée (année A)", "Emplois créés / préservés", "Jours de compétences : le temps saisi",
                "Chiffres arrêtés au " + DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH).format(Instant.parse(AS_OF).atZone(PARIS)),
                "calculés à partir de " + french(basis.getLong("events")) + " événements");
        assertThat(text).as("the print stylesheet leaves the controls out").doesNotContain("Imprimer ou enregistrer en PDF", "Afficher");
    }

    @Test
    void bothPagesPassAnAutomatedAccessibilityCheck() throws Exception {
        for (String target : List.of(page + "?from=2012&to=2013&asOf=" + AS_OF + "&days=30#token=" + Tokens.cci(),
                report + "?year=2013&asOf=" + AS_OF + "#token=" + Tokens.cci())) {
            Document dom = Jsoup.parse(render(axe + "?target=" + URLEncoder.encode(target, StandardCharsets.UTF_8)));
            assertThat(dom.body().attr("data-state")).as(dom.select("#result").text()).isEqualTo("done");
            JsonPath result = JsonPath.from(dom.selectFirst("#result").text());
            assertThat(result.getInt("passes")).as("rules that passed").isGreaterThan(10);
            assertThat(result.getList("violations")).as("axe-core violations on %s", target.replaceAll("#token=.*", "")).isEmpty();
        }
    }

    /** Once read, the token leaves the address bar: a test-only page opens the dashboard and reports its location. */
    @Test
    void theTokenIsRemovedFromTheAddressBarOnceRead() throws Exception {
        String dashboard = page + "?from=2012&to=2013#token=" + Tokens.analyst();

        String dom = render(probe + "?target=" + URLEncoder.encode(dashboard, StandardCharsets.UTF_8));

        assertThat(dom).contains("data-state=\"done\"", "data-dashboard=\"ready\"");
        assertThat(dom).contains("data-href=\"" + page + "?from=2012&amp;to=2013\"");
        assertThat(dom).doesNotContain("token=");
    }

    @Test
    void withoutATokenThePageSaysHowToSignInAndShowsNoTextareaForOne() throws Exception {
        Document dom = Jsoup.parse(render(page.toString()));

        assertThat(dom.body().attr("data-state")).isEqualTo("signed-out");
        assertThat(dom.getElementById("sign-in").hasAttr("hidden")).isFalse();
        assertThat(dom.select("textarea, input[type=password]")).isEmpty();
        assertThat(dom.getElementById("sign-in").text()).contains("fournisseur d’identité de la CCI", "run --demo");
    }

    private static List<String> ids(Document dom, String group, Set<String> ours) {
        return dom.select(group + " tbody tr").eachAttr("data-id").stream().filter(ours::contains).collect(Collectors.toList());
    }

    /** A whole number as French text groups its digits (read back with plain spaces). */
    private static String french(long n) {
        return String.format(Locale.FRANCE, "%,d", n).replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    private static String period() {
        return "?from=2012-01-01&to=2013-12-31&asOf=" + AS_OF;
    }

    private static long sum(List<String> values) {
        return values.stream().map(v -> v.replace('\u202f', ' ').replace('\u00a0', ' ').replace(" ", ""))
                .mapToLong(Long::parseLong).sum();
    }

    /** The page's DOM once its scripts ran, as headless Chromium prints it. */
    static String render(String url) throws IOException, InterruptedException {
        return new String(chromium(List.of("--dump-dom", url)), StandardCharsets.UTF_8);
    }

    static void screenshot(String url, String name) throws IOException, InterruptedException {
        Files.createDirectories(ARTEFACTS);
        chromium(List.of("--window-size=1280,4800", "--hide-scrollbars", "--screenshot=" + ARTEFACTS.resolve(name).toAbsolutePath(), url));
        assertThat(ARTEFACTS.resolve(name)).isNotEmptyFile();
    }

    static Path printToPdf(String url, String name) throws IOException, InterruptedException {
        Files.createDirectories(ARTEFACTS);
        Path pdf = ARTEFACTS.resolve(name).toAbsolutePath();
        Files.deleteIfExists(pdf);
        chromium(List.of("--no-pdf-header-footer", "--print-to-pdf=" + pdf, url));
        assertThat(pdf).isNotEmptyFile();
        return pdf;
    }

    private static byte[] chromium(List<String> action) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("alize-chromium-");
        try {
            List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-popup-blocking", "--user-data-dir=" + profile, "--virtual-time-budget=15000"));
            command.addAll(action);
            Process chromium = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = chromium.getInputStream().readAllBytes();
            assertThat(chromium.waitFor(60, TimeUnit.SECONDS)).as("chromium ended").isTrue();
            return out;
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
