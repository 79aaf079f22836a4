package fr.alize.impact.dashboard;

import fr.alize.impact.TestEvents;
import fr.alize.impact.TestEvents.Mission;
import fr.alize.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static fr.alize.impact.TestEvents.event;
import static fr.alize.impact.TestEvents.id;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * The dashboard page, loaded in headless Chromium (Debian's {@code chromium} package) with a token in its URL
 * fragment: what it draws comes from the API. Without Chromium the test is skipped, saying how to enable it.
 */
@QuarkusTest
class DashboardBrowserTest {

    static final Path CHROMIUM = Path.of(System.getProperty("alize.chromium", "/usr/bin/chromium"));
    static final int YEAR = 2038;

    @TestHTTPResource("/dashboard/index.html")
    URL page;
    @TestHTTPResource("/dashboard-probe/index.html")
    URL probe;

    @Test
    void theDashboardDrawsTheTargetCurveJobsPerYearAndPartnerContributions() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "SKIPPED: no headless browser at " + CHROMIUM
                + "; install Debian's chromium (apt-get install chromium) or point -Dalize.chromium at one to run this test");
        TestEvents.topicsExist();
        String partner = id();
        event("PartnerEnrolled").with("partnerId", partner).with("name", "Vallourec Tubes").send();
        event("PartnerPledgeSet").with("partnerId", partner).with("year", YEAR).with("pledgedDays", 5).with("dailyRate", 600).send();
        Mission first = Mission.of(id(), partner);
        first.started("2038-02-03").send();
        first.logged(id(), "2038-02-04", 7, null).send();
        first.logged(id(), "2038-02-05", 7, null).send();
        Mission.of(id(), id()).started("2038-04-10").send();
        event("JobsReported").with("smeId", first.smeId()).with("reportId", id()).with("date", "2038-09-01").with("count", 6)
                .with("kind", "CREATED").with("contractType", "CDI").send();
        given().auth().oauth2(Tokens.cci()).contentType("application/json").body("{\"target\": 4}")
                .when().put("/targets/" + YEAR).then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().auth().oauth2(Tokens.analyst()).when().get("/targets/" + YEAR).then().body("supportedSmes", equalTo(2));
            given().auth().oauth2(Tokens.analyst()).when().get("/contributions/" + YEAR).then().body("partners", hasSize(1))
                    .body("partners[0].hours", equalTo(14.0f));
            given().auth().oauth2(Tokens.analyst()).when().get("/employment/" + YEAR).then().body("jobsCreated", equalTo(6));
        });

        String dom = render(page + "?year=" + YEAR + "#token=" + Tokens.analyst());

        assertThat(dom).contains("data-state=\"ready\"");
        assertThat(dom).contains("data-target=\"4\"");
        assertThat(dom).contains("data-month=\"1\" data-value=\"0\"", "data-month=\"2\" data-value=\"1\"",
                "data-month=\"4\" data-value=\"2\"", "data-month=\"12\" data-value=\"2\"");
        assertThat(dom).contains("2 of 4 SMEs supported in 2038");
        assertThat(dom).contains("data-year=\"2038\" data-created=\"6\"");
        assertThat(dom).contains("data-partner=\"Vallourec Tubes\" data-days=\"2.00\"", "data-pledged=\"5\"");
        assertThat(dom).as("the token left in the page").doesNotContain(Tokens.analyst());
    }

    /** Once read, the token leaves the address bar: a test-only page opens the dashboard and reports its location. */
    @Test
    void theTokenIsRemovedFromTheAddressBarOnceRead() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "SKIPPED: no headless browser at " + CHROMIUM);
        String dashboard = page + "?year=" + YEAR + "#token=" + Tokens.analyst();

        String dom = render(probe + "?target=" + URLEncoder.encode(dashboard, StandardCharsets.UTF_8));

        assertThat(dom).contains("data-state=\"done\"", "data-dashboard=\"ready\"");
        assertThat(dom).contains("data-href=\"" + page + "?year=" + YEAR + "\"");
        assertThat(dom).doesNotContain("token=");
    }

    /** The page's DOM once its scripts ran, as headless Chromium prints it. */
    static String render(String url) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("alize-chromium-");
        try {
            Process chromium = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-popup-blocking", "--user-data-dir=" + profile, "--virtual-time-budget=10000", "--dump-dom", url))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = chromium.getInputStream().readAllBytes();
            assertThat(chromium.waitFor(60, TimeUnit.SECONDS)).as("chromium ended").isTrue();
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
