package io.firstcall.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firstcall.gateway.support.Conditions;
import io.firstcall.gateway.support.GatewayFixture;
import io.firstcall.gateway.support.LineClient;
import io.firstcall.gateway.support.Promtool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.firstcall.gateway.support.GatewayFixture.ACME;
import static io.firstcall.gateway.support.GatewayFixture.ACME_REP_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A live server's {@code /metrics} after a hot lead is alerted and claimed over the JSON protocol:
 * it parses, carries what an SRE needs, and has every metric the Grafana dashboard queries.
 */
class LiveMetricsTest
{
    static final Path DASHBOARD = Paths.get("..", "docs", "grafana", "firstcall.json");
    private static final Pattern METRIC_NAME = Pattern.compile("\\b((?:firstcall|jvm|process)_[a-zA-Z0-9_]+)\\b");

    @TempDir
    Path dataDir;

    private GatewayFixture fixture;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void launchAndClaimALead()
    {
        fixture = new GatewayFixture(dataDir).launch();
        try (LineClient source = fixture.acmeSource(); LineClient rep = fixture.json())
        {
            assertEquals("welcome", rep.helloRep(ACME, ACME_REP_TOKEN, "r1").get("type"));
            source.send("{\"type\":\"lead\",\"id\":\"e1\",\"lead\":\"L1\",\"name\":\"Ann\",\"owner\":\"r1\"}");
            source.send("{\"type\":\"form\",\"id\":\"e2\",\"lead\":\"L1\",\"form\":\"demo_request\"}");
            source.send("{\"type\":\"form\",\"id\":\"e3\",\"form\":\"demo_request\"}");
            assertEquals("ack", source.read().get("type"));
            assertEquals("ack", source.read().get("type"));
            assertEquals("error", source.read().get("type"));
            assertEquals("alert", rep.read().get("type"));

            rep.send("{\"type\":\"call\",\"id\":\"c1\",\"lead\":\"L1\",\"outcome\":\"started\"}");
            assertEquals("ack", rep.read().get("type"));
            assertEquals("assigned", rep.read().get("type"));
            Conditions.await("the claim timed", () -> scrape().value("firstcall_time_to_claim_seconds_count") == 1);
        }
    }

    @AfterEach
    void close()
    {
        fixture.close();
    }

    @Test
    void shouldCarryTheGaugeTenantCountersHistogramsAndJvmMetrics()
    {
        final PrometheusText metrics = scrape();

        assertEquals("gauge", metrics.types().get("firstcall_gateway_connections_open"));
        assertEquals(3, metrics.value("firstcall_events_accepted_total", "tenant", ACME), "lead, form, call");
        assertEquals(1, metrics.value("firstcall_event_errors_total", "tenant", ACME));
        assertEquals(1, metrics.value("firstcall_alerts_total", "tenant", ACME));
        assertEquals(1, metrics.value("firstcall_claims_total", "tenant", ACME));
        assertEquals(0, metrics.value("firstcall_escalations_total", "tenant", ACME));
        assertEquals(0, metrics.value("firstcall_alerts_total", "tenant", GatewayFixture.GLOBEX));
        assertEquals(1, metrics.value("firstcall_time_to_claim_seconds_bucket", "le", "+Inf"));
        assertEquals("histogram", metrics.types().get("firstcall_stage_latency_seconds"));
        assertEquals("summary", metrics.types().get("firstcall_latency_seconds"));
        assertEquals("summary", metrics.types().get("jvm_gc_collection_seconds"));
        assertTrue(metrics.value("jvm_threads_current") > 0);
    }

    @Test
    void shouldPassPromtoolsCheck() throws Exception
    {
        Assumptions.assumeTrue(Promtool.isInstalled(), "promtool is not on the PATH");

        assertEquals("", Promtool.checkMetrics(get("/metrics")));
    }

    @Test
    void shouldServeEveryMetricTheGrafanaDashboardQueries() throws IOException
    {
        final Set<String> queried = dashboardMetricNames();
        final PrometheusText metrics = scrape();
        final Set<String> served = new TreeSet<>(metrics.types().keySet());
        metrics.samples().forEach(sample -> served.add(sample.name()));

        final Set<String> missing = new TreeSet<>(queried);
        missing.removeAll(served);
        assertEquals(Set.of(), missing, "queried by docs/grafana/firstcall.json but not on /metrics");
        assertTrue(queried.size() > 20, "names found in the dashboard: " + queried);
    }

    @Test
    void shouldHaveDashboardQueriesPrometheusParses() throws Exception
    {
        Assumptions.assumeTrue(Promtool.isInstalled(), "promtool is not on the PATH");
        final StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        int i = 0;
        for (final String expr : dashboardQueries())
        {
            rules.append("      - record: dashboard:query_").append(i++).append("\n        expr: '")
                .append(expr.replace("$instance", ".*").replace("$tenant", ".*").replace("'", "''")).append("'\n");
        }
        final Path file = dataDir.resolve("dashboard-rules.yml");
        Files.writeString(file, rules);

        final Process promtool = new ProcessBuilder("promtool", "check", "rules", file.toString())
            .redirectErrorStream(true).start();
        final String output = new String(promtool.getInputStream().readAllBytes());
        assertEquals(0, promtool.waitFor(), output);
    }

    static List<String> dashboardQueries() throws IOException
    {
        final List<String> queries = new ArrayList<>();
        final JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        for (final JsonNode panel : dashboard.get("panels"))
        {
            for (final JsonNode target : panel.path("targets"))
            {
                queries.add(target.get("expr").asText());
            }
        }
        return queries;
    }

    private static Set<String> dashboardMetricNames() throws IOException
    {
        final Set<String> names = new TreeSet<>();
        for (final String query : dashboardQueries())
        {
            final Matcher matcher = METRIC_NAME.matcher(query);
            while (matcher.find())
            {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    private PrometheusText scrape()
    {
        return PrometheusText.parse(get("/metrics"));
    }

    private String get(final String path)
    {
        try
        {
            final HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fixture.gateway().httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            return response.body();
        }
        catch (final IOException ex)
        {
            throw new AssertionError(ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }
}
