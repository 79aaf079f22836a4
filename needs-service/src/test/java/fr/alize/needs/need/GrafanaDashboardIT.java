package fr.alize.needs.need;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.alize.needs.NeedsTopic;
import fr.alize.needs.SkillTaxonomyFeed;
import fr.alize.needs.Smes;
import fr.alize.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * deploy/grafana/alize-services.json charts only metrics a started service really exposes: every metric name in its
 * queries is in this service's Prometheus scrape once a need has gone through the relay and a consumer.
 */
@QuarkusTest
class GrafanaDashboardIT {

    static final Path DASHBOARD = Path.of("../deploy/grafana/alize-services.json");
    /** A metric name in a PromQL expression: followed by a selector, a range, a space or a closing parenthesis. */
    private static final Pattern METRIC = Pattern.compile("\\b([a-z_][a-z0-9_]*)\\s*(?=\\{|\\[|\\)|$|\\s)");
    /** PromQL words that are not metric names. */
    private static final Set<String> PROMQL = Set.of("sum", "max", "min", "avg", "rate", "irate", "increase", "by",
            "without", "on", "ignoring", "histogram_quantile", "le", "topk", "clamp_min", "time", "and", "or", "unless",
            "count", "delta", "deriv", "abs", "label_replace", "offset", "bool");

    @Test
    void everyMetricTheDashboardChartsExistsInAStartedService() throws IOException {
        SkillTaxonomyFeed.ensureReceived();
        String sme = Smes.approved();
        String needId = NeedPublicationIT.publish(Tokens.sme(sme), null);
        NeedsTopic.recordsOf(needId, 1);

        Set<String> exposed = await().atMost(Duration.ofSeconds(30)).until(GrafanaDashboardIT::scrapedNames,
                names -> names.contains("alize_relay_unsent") && names.stream().anyMatch(n -> n.startsWith("kafka_consumer_fetch_manager_records_lag")));
        // what was compared, for whoever edits the dashboard
        Files.writeString(Path.of("target/metrics-scrape.txt"), given().when().get("/q/metrics").then().extract().asString());

        Set<String> charted = chartedNames();
        assertThat(charted).as("the dashboard charts something").hasSizeGreaterThan(5);
        assertThat(exposed).as("metrics of a started needs-service").containsAll(charted);
    }

    @Test
    void axonsTimersCountCommandsWithoutComputingPercentiles() {
        SkillTaxonomyFeed.ensureReceived();
        String sme = Smes.approved();
        NeedPublicationIT.publish(Tokens.sme(sme), null);

        String scrape = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        // "name{labels} value", then maybe an exemplar ("# {span_id=...} 1.0 time")
        assertThat(scrape.lines().filter(line -> line.startsWith("commandBus_successTimer_seconds_count{payloadType=\"PublishNeed\"")))
                .singleElement()
                .matches(line -> Double.parseDouble(line.split(" ")[1]) >= 1, "counts the need published");
        assertThat(scrape.lines().filter(line -> line.contains("Timer_seconds{") && line.contains("quantile=")))
                .as("client-side percentiles of Axon's timers (AxonTimerPercentiles)").isEmpty();
    }

    /** Metric names of the scrape (a histogram's _bucket, _count and _sum included as they appear). */
    static Set<String> scrapedNames() {
        String scrape = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return scrape.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Metric names in every target expression of every panel. */
    static Set<String> chartedNames() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        List<String> expressions = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(t -> expressions.add(t.path("expr").asText())));
        assertThat(expressions).isNotEmpty().doesNotContain("");
        Set<String> names = new TreeSet<>();
        for (String expr : expressions) {
            String withoutLabels = expr.replaceAll("\\{[^}]*}", "{}").replaceAll("\\[[^]]*]", "[]")
                    .replaceAll("(by|without|on|ignoring)\\s*\\([^)]*\\)", "");
            Matcher m = METRIC.matcher(withoutLabels);
            while (m.find()) {
                if (!PROMQL.contains(m.group(1)) && !m.group(1).matches("[0-9]+")) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }
}
