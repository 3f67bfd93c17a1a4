package io.firstcall.gateway.http;

import io.firstcall.Engine;
import io.firstcall.EngineContext;
import io.firstcall.gateway.http.EmbeddedHttp.Response;
import io.firstcall.gateway.metrics.TenantActivity;
import io.firstcall.gateway.metrics.TenantCounter;
import io.firstcall.gateway.support.OutputMessages;
import io.firstcall.gateway.support.Promtool;
import io.firstcall.timing.LatencyStage;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@code /metrics} exports beyond the engine counters: gauges, per-tenant counters, histograms with
 * explicit buckets, JVM metrics, and the OpenMetrics format for scrapers that ask for it.
 */
class MetricsExportTest
{
    private static final String PROMETHEUS_ACCEPT = "Accept: application/openmetrics-text;version=1.0.0," +
        "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
    private static final long T0_NS = TimeUnit.DAYS.toNanos(20_000);
    private static final String[] BOUNDS = {
        "5.0E-5", "1.0E-4", "2.5E-4", "5.0E-4", "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25",
        "0.5", "1.0", "2.5", "+Inf" };

    @TempDir
    Path dir;

    private Engine engine;
    private FakeOpsView view;
    private EmbeddedHttp http;

    @BeforeEach
    void launch()
    {
        engine = Engine.launch(new EngineContext().dataDir(dir).ticksEnabled(false).tenant("acme", "tenant: acme\n"));
        view = new FakeOpsView(engine).gatewayGauge("connections_open", 4).gatewayCounter("connections_total", 9);
        http = new EmbeddedHttp(view);
    }

    @AfterEach
    void close()
    {
        CloseHelper.closeAll(http, engine);
    }

    @Test
    void shouldExportOpenConnectionsAsAGaugeAndCountsAsCounters()
    {
        final PrometheusText metrics = scrape();

        assertEquals("gauge", metrics.types().get("firstcall_gateway_connections_open"));
        assertEquals(4, metrics.value("firstcall_gateway_connections_open"));
        assertEquals("counter", metrics.types().get("firstcall_gateway_connections_total"));
        assertEquals(9, metrics.value("firstcall_gateway_connections_total"));
    }

    @Test
    void shouldExportEveryTenantCounterWithItsTenantLabel()
    {
        final TenantActivity activity = view.tenantActivity();
        final int acme = activity.slot("acme");
        assertEquals(0, scrape().value("firstcall_alerts_total", "tenant", "acme"), "present from zero");

        activity.onConnectionOpened(acme);
        activity.onEventAccepted(acme);
        activity.onEventAccepted(acme);
        activity.onEventRateLimited(acme);
        activity.onEventRejected(acme);
        final OutputMessages messages = new OutputMessages();
        activity.onOutput(messages.buffer(), 0, messages.alert("acme", "L1", 1, T0_NS));
        activity.onOutput(messages.buffer(), 0, messages.claim("acme", "L1", 1, T0_NS + 1));
        activity.onOutput(messages.buffer(), 0, messages.escalation("acme", "L2", T0_NS));

        final PrometheusText metrics = scrape();
        for (final TenantCounter counter : TenantCounter.values())
        {
            final String name = "firstcall_" + counter.metricName() + (counter.isGauge() ? "" : "_total");
            assertEquals(counter.isGauge() ? "gauge" : "counter", metrics.types().get(name), name);
            assertEquals(activity.value(acme, counter), metrics.value(name, "tenant", "acme"), name);
        }
        assertEquals(1, metrics.value("firstcall_tenant_connections_open", "tenant", "acme"));
        assertEquals(2, metrics.value("firstcall_events_accepted_total", "tenant", "acme"));
        assertEquals(1, metrics.value("firstcall_events_rate_limited_total", "tenant", "acme"));
        assertEquals(1, metrics.value("firstcall_event_errors_total", "tenant", "acme"));
        assertEquals(1, metrics.value("firstcall_alerts_total", "tenant", "acme"));
        assertEquals(1, metrics.value("firstcall_claims_total", "tenant", "acme"));
        assertEquals(1, metrics.value("firstcall_escalations_total", "tenant", "acme"));
    }

    @Test
    void shouldExportStageLatencyAsHistogramsThatAgreeWithTheSummaries()
    {
        final long events = EngineEvents.publishAndAwaitLatency(engine, 5);

        final PrometheusText metrics = scrape();
        assertEquals("histogram", metrics.types().get("firstcall_stage_latency_seconds"));
        for (final LatencyStage stage : LatencyStage.values())
        {
            final String name = stage.metricName();
            final double count = metrics.value("firstcall_latency_seconds_count", "stage", name);
            assertTrue(EngineEvents.alertsNoOne(stage, (long)count) || count >= events, name);
            double previous = 0;
            for (final String bound : BOUNDS)
            {
                final double bucket = metrics.value("firstcall_stage_latency_seconds_bucket", "stage", name, "le", bound);
                assertTrue(bucket >= previous, name + " le " + bound + " is cumulative");
                previous = bucket;
            }
            assertEquals(count, previous, name + ": +Inf holds every value the summary counts");
            assertEquals(count, metrics.value("firstcall_stage_latency_seconds_count", "stage", name), name);
            assertEquals(
                metrics.value("firstcall_latency_seconds_sum", "stage", name),
                metrics.value("firstcall_stage_latency_seconds_sum", "stage", name), name);
        }
    }

    @Test
    void shouldExportTimeToClaimInExplicitBuckets()
    {
        final OutputMessages messages = new OutputMessages();
        final TenantActivity activity = view.tenantActivity();
        activity.onOutput(messages.buffer(), 0, messages.alert("acme", "L1", 1, T0_NS));
        activity.onOutput(messages.buffer(), 0, messages.claim("acme", "L1", 1, T0_NS + TimeUnit.SECONDS.toNanos(90)));
        activity.onOutput(messages.buffer(), 0, messages.alert("acme", "L2", 1, T0_NS));
        activity.onOutput(messages.buffer(), 0, messages.claim("acme", "L2", 1, T0_NS + TimeUnit.SECONDS.toNanos(3)));

        final PrometheusText metrics = scrape();

        assertEquals("histogram", metrics.types().get("firstcall_time_to_claim_seconds"));
        assertEquals(0, metrics.value("firstcall_time_to_claim_seconds_bucket", "le", "1.0"));
        assertEquals(1, metrics.value("firstcall_time_to_claim_seconds_bucket", "le", "5.0"));
        assertEquals(1, metrics.value("firstcall_time_to_claim_seconds_bucket", "le", "60.0"));
        assertEquals(2, metrics.value("firstcall_time_to_claim_seconds_bucket", "le", "120.0"));
        assertEquals(2, metrics.value("firstcall_time_to_claim_seconds_bucket", "le", "+Inf"));
        assertEquals(2, metrics.value("firstcall_time_to_claim_seconds_count"));
        assertEquals(93, metrics.value("firstcall_time_to_claim_seconds_sum"), 0.1);
    }

    @Test
    void shouldExportJvmGcMemoryAndThreads()
    {
        final PrometheusText metrics = scrape();

        assertEquals("summary", metrics.types().get("jvm_gc_collection_seconds"));
        assertEquals("gauge", metrics.types().get("jvm_memory_used_bytes"));
        assertTrue(metrics.value("jvm_memory_used_bytes", "area", "heap") > 0);
        assertEquals("gauge", metrics.types().get("jvm_threads_current"));
        assertTrue(metrics.value("jvm_threads_current") > 0);
        assertEquals("counter", metrics.types().get("process_cpu_seconds_total"));
    }

    @Test
    void shouldAnswerOpenMetricsWhenTheScraperAsksForIt()
    {
        final Response response = http.get("/metrics", PROMETHEUS_ACCEPT);

        assertEquals(200, response.status());
        assertEquals(PrometheusExporter.OPENMETRICS_CONTENT_TYPE, response.contentType());
        final String body = response.body();
        assertTrue(body.endsWith("\n# EOF\n"), "OpenMetrics ends with # EOF");
        assertTrue(body.contains("# TYPE firstcall_alerts counter\n"), body);
        assertTrue(body.contains("\nfirstcall_alerts_total{tenant=\"acme\"} 0.0\n"), body);
        assertTrue(body.contains("# TYPE firstcall_gateway_connections_open gauge\n"), body);
        assertTrue(body.contains("# UNIT firstcall_stage_latency_seconds seconds\n"), body);
    }

    @Test
    void shouldAnswerTheClassicTextFormatToAPlainClient()
    {
        assertEquals(PrometheusExporter.CONTENT_TYPE, http.get("/metrics").contentType());
        assertEquals(PrometheusExporter.CONTENT_TYPE, http.get("/metrics", "Accept: text/plain").contentType());
    }

    @Test
    void shouldPassPromtoolsCheckWithoutAnyLintFinding() throws Exception
    {
        Assumptions.assumeTrue(Promtool.isInstalled(), "promtool is not on the PATH");
        EngineEvents.publishAndAwaitLatency(engine, 3);

        assertEquals("", Promtool.checkMetrics(http.get("/metrics").body()));
    }

    private PrometheusText scrape()
    {
        final Response response = http.get("/metrics");
        assertEquals(200, response.status());
        return PrometheusText.parse(response.body());
    }
}
