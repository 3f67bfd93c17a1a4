package io.firstcall.gateway.http;

import io.firstcall.Engine;
import io.firstcall.EngineContext;
import io.firstcall.gateway.http.EmbeddedHttp.Response;
import io.firstcall.status.EngineCounter;
import io.firstcall.timing.LatencyStage;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.firstcall.gateway.http.JsonTree.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpOpsHandlerTest
{
    private static final int EVENTS = 5;
    private static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final String JSON_CONTENT_TYPE = "application/json; charset=utf-8";

    @TempDir
    Path dir;

    private Engine engine;
    private FakeOpsView view;
    private EmbeddedHttp http;

    @BeforeEach
    void launch()
    {
        engine = Engine.launch(new EngineContext().dataDir(dir).ticksEnabled(false).tenant("acme", "tenant: acme\n"));
        view = new FakeOpsView(engine)
            .gatewayCounter("connections_accepted", 3)
            .gatewayCounter("Frames-Rejected", 2)
            .gatewayCounter("frames_rejected", 9);
        http = new EmbeddedHttp(view);
    }

    @AfterEach
    void close()
    {
        CloseHelper.closeAll(http, engine);
    }

    @Test
    void shouldAnswerUpWhenHealthy()
    {
        final Response response = http.get("/health");

        assertEquals(200, response.status());
        assertWellFormed(response, JSON_CONTENT_TYPE);
        assertEquals("up", JsonTree.parseObject(response.body()).get("status"));
    }

    @Test
    void shouldAnswerServiceUnavailableWhenNotHealthy()
    {
        view.healthy(false);

        final Response response = http.get("/health");

        assertEquals(503, response.status());
        assertWellFormed(response, JSON_CONTENT_TYPE);
        final Map<String, Object> body = JsonTree.parseObject(response.body());
        assertEquals("down", body.get("status"));
        assertEquals(List.of("test: made unhealthy"), body.get("problems"), "says why");
    }

    @Test
    void shouldExportCountersAndStageLatencyInPrometheusTextFormat()
    {
        final long journaled = EngineEvents.publishAndAwaitLatency(engine, EVENTS);

        final Response response = http.get("/metrics");

        assertEquals(200, response.status());
        assertWellFormed(response, PROMETHEUS_CONTENT_TYPE);
        final PrometheusText metrics = PrometheusText.parse(response.body());

        assertEquals("counter", metrics.types().get("firstcall_events_journaled_total"));
        assertEquals(journaled, metrics.value("firstcall_events_journaled_total"));
        for (final EngineCounter counter : EngineCounter.values())
        {
            assertEquals(
                engine.counters().get(counter).get(),
                metrics.value("firstcall_" + counter.metricName() + "_total"), counter.metricName());
        }
        assertEquals(3, metrics.value("firstcall_gateway_connections_accepted_total"));
        assertEquals(2, metrics.value("firstcall_gateway_frames_rejected_total"), "the first of two names that clash");

        assertEquals("summary", metrics.types().get("firstcall_latency_seconds"));
        assertEquals("gauge", metrics.types().get("firstcall_latency_max_seconds"));
        for (final LatencyStage stage : LatencyStage.values())
        {
            final String name = stage.metricName();
            final long count = (long)metrics.value("firstcall_latency_seconds_count", "stage", name);
            if (EngineEvents.alertsNoOne(stage, count))
            {
                continue;
            }
            assertTrue(count >= journaled, name + " count " + count);
            assertTrue(metrics.value("firstcall_latency_seconds_sum", "stage", name) > 0, name);

            double previous = 0;
            for (final String quantile : new String[]{ "0.5", "0.9", "0.99", "0.999", "0.9999" })
            {
                final double seconds = metrics.value("firstcall_latency_seconds", "stage", name, "quantile", quantile);
                assertTrue(seconds >= previous && seconds < 60, name + " quantile " + quantile + " = " + seconds);
                previous = seconds;
            }
            assertTrue(metrics.value("firstcall_latency_max_seconds", "stage", name) >= previous, name);
        }
    }

    @Test
    void shouldExportEveryStageBeforeAnyLatencyIsRecorded()
    {
        final PrometheusText metrics = PrometheusText.parse(http.get("/metrics").body());

        for (final LatencyStage stage : LatencyStage.values())
        {
            metrics.value("firstcall_latency_seconds", "stage", stage.metricName(), "quantile", "0.99");
            metrics.value("firstcall_latency_seconds_count", "stage", stage.metricName());
        }
    }

    @Test
    void shouldReportLatencyAsTextTableByDefault()
    {
        final long journaled = EngineEvents.publishAndAwaitLatency(engine, EVENTS);

        final Response response = http.get("/latency");

        assertEquals(200, response.status());
        assertWellFormed(response, "text/plain; charset=utf-8");
        final String[] lines = response.body().split("\n");
        assertTrue(lines[0].startsWith("#"), lines[0]);
        assertEquals(
            List.of("stage", "count", "p50", "p90", "p99", "p99.9", "p99.99", "max"), List.of(lines[1].trim().split(" +")));
        assertEquals(2 + LatencyStage.values().length, lines.length, response.body());
        for (final LatencyStage stage : LatencyStage.values())
        {
            final String[] columns = lines[2 + stage.ordinal()].trim().split(" +");
            assertEquals(8, columns.length, lines[2 + stage.ordinal()]);
            assertEquals(stage.metricName(), columns[0]);
            assertEquals(engine.histograms().cumulative(stage).getTotalCount(), Long.parseLong(columns[1]));
            assertTrue(EngineEvents.alertsNoOne(stage, Long.parseLong(columns[1])) || Long.parseLong(columns[1]) >= journaled);
            for (int i = 2; i < columns.length; i++)
            {
                assertTrue(columns[i].matches("[0-9]+\\.[0-9]{3}"), columns[i]);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "/latency?format=json", "/latency?format=JSON", "/latency|Accept: application/json" })
    void shouldReportLatencyAsJsonWhenAsked(final String request)
    {
        final long journaled = EngineEvents.publishAndAwaitLatency(engine, EVENTS);
        final String[] pathAndHeader = request.split("\\|");

        final Response response = pathAndHeader.length == 2 ?
            http.get(pathAndHeader[0], pathAndHeader[1]) : http.get(pathAndHeader[0]);

        assertEquals(200, response.status());
        assertWellFormed(response, JSON_CONTENT_TYPE);
        final Map<String, Object> root = JsonTree.parseObject(response.body());
        assertEquals("us", root.get("unit"));
        final Map<String, Object> stages = object(root, "stages");
        assertEquals(LatencyStage.values().length, stages.size());
        for (final LatencyStage stage : LatencyStage.values())
        {
            final Map<String, Object> figures = object(stages, stage.metricName());
            assertEquals(
                List.of("count", "p50", "p90", "p99", "p99_9", "p99_99", "max"), List.copyOf(figures.keySet()));
            assertTrue(EngineEvents.alertsNoOne(stage, (Long)figures.get("count")) || (Long)figures.get("count") >= journaled);

            BigDecimal previous = BigDecimal.ZERO;
            for (final String name : new String[]{ "p50", "p90", "p99", "p99_9", "p99_99", "max" })
            {
                final BigDecimal micros = (BigDecimal)figures.get(name);
                assertEquals(3, micros.scale(), name + " in us with 3 decimals");
                assertTrue(micros.compareTo(previous) >= 0, stage.metricName() + " " + name);
                previous = micros;
            }
        }
    }

    @Test
    void shouldAnswerBadRequestForUnknownLatencyFormat()
    {
        final Response response = http.get("/latency?format=xml");

        assertEquals(400, response.status());
        assertWellFormed(response, JSON_CONTENT_TYPE);
        assertEquals("unknown_format", JsonTree.parseObject(response.body()).get("error"));
    }

    @Test
    void shouldReportCountersAsStatsJson()
    {
        final long journaled = EngineEvents.publishAndAwaitLatency(engine, EVENTS);

        final Response response = http.get("/stats");

        assertEquals(200, response.status());
        assertWellFormed(response, JSON_CONTENT_TYPE);
        final Map<String, Object> root = JsonTree.parseObject(response.body());
        final Map<String, Object> engineStats = object(root, "engine");
        assertEquals(EngineCounter.values().length, engineStats.size());
        for (final EngineCounter counter : EngineCounter.values())
        {
            assertEquals(
                engine.counters().get(counter).get(), engineStats.get(counter.metricName()), counter.metricName());
        }
        assertEquals(journaled, engineStats.get("events_journaled"));
        assertEquals(
            Map.of("connections_accepted", 3L, "Frames-Rejected", 2L, "frames_rejected", 9L), object(root, "gateway"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/stats", "/metrics" })
    void shouldAnswerInternalErrorAndCountItWhenFiguresCannotBeRead(final String path)
    {
        final long errorsBefore = engine.counters().get(EngineCounter.ERRORS).get();
        view.failGatewayCounters(new IllegalStateException("gateway counters unavailable"));

        final Response response = http.get(path);

        assertEquals(500, response.status());
        assertWellFormed(response, JSON_CONTENT_TYPE);
        assertEquals(Map.of("error", "internal_error", "path", path), JsonTree.parseObject(response.body()));
        assertEquals(errorsBefore + 1, engine.counters().get(EngineCounter.ERRORS).get());
        assertTrue(http.isOpen(), "one failed request does not cost the connection");
        view.failGatewayCounters(null);
        assertEquals(200, http.get(path).status());
    }

    @Test
    void shouldAnswerNotFoundWithThePathForUnknownPath()
    {
        final Response response = http.get("/nope/\"quoted\"?x=1");

        assertEquals(404, response.status());
        assertWellFormed(response, JSON_CONTENT_TYPE);
        assertEquals(
            Map.of("error", "not_found", "path", "/nope/\"quoted\""), JsonTree.parseObject(response.body()));
        assertTrue(http.isOpen());
    }

    @ParameterizedTest
    @ValueSource(strings = { "POST", "PUT", "DELETE", "OPTIONS" })
    void shouldAnswerMethodNotAllowedForOtherMethodsThanGet(final String method)
    {
        final List<Response> responses = http.exchange(
            method + " /metrics HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n\r\n{}");

        assertEquals(1, responses.size());
        final Response response = responses.get(0);
        assertEquals(405, response.status());
        assertEquals("GET", response.headers().get("Allow"));
        assertWellFormed(response, JSON_CONTENT_TYPE);
        assertEquals(Map.of("error", "method_not_allowed", "method", method), JsonTree.parseObject(response.body()));
    }

    @Test
    void shouldAnswerMethodNotAllowedWithoutBodyForHead()
    {
        final String raw = http.exchangeRaw("HEAD /health HTTP/1.1\r\nHost: localhost\r\n\r\n");

        assertTrue(raw.startsWith("HTTP/1.1 405 Method Not Allowed\r\n"), raw);
        assertTrue(raw.endsWith("\r\n\r\n"), "a HEAD response has no body: " + raw);
        assertTrue(http.isOpen());
    }

    @Test
    void shouldKeepConnectionOpenAcrossRequests()
    {
        final List<Response> responses = http.exchange(
            "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n" +
            "GET /stats HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n" +
            "GET /metrics HTTP/1.1\r\nHost: localhost\r\n\r\n");

        assertEquals(3, responses.size());
        for (final Response response : responses)
        {
            assertEquals(200, response.status());
            assertEquals("HTTP/1.1", response.version());
            assertFalse(response.headers().contains("Connection", "close", true));
            assertNotNull(response.contentType());
            assertEquals(
                response.body().getBytes(StandardCharsets.UTF_8).length,
                Integer.parseInt(response.headers().get("Content-Length")));
        }
        assertTrue(http.isOpen());
    }

    @Test
    void shouldCloseConnectionWhenClientAsksForClose()
    {
        final Response response = http.get("/health", "Connection: close");

        assertEquals(200, response.status());
        assertEquals("close", response.headers().get("Connection"));
        assertFalse(http.isOpen());
    }

    @Test
    void shouldCloseHttp10ConnectionUnlessKeepAliveAsked()
    {
        final Response keptAlive = http.exchange("GET /health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").get(0);
        assertEquals("HTTP/1.0", keptAlive.version());
        assertEquals("keep-alive", keptAlive.headers().get("Connection"));
        assertTrue(http.isOpen());

        final Response closed = http.exchange("GET /health HTTP/1.0\r\n\r\n").get(0);
        assertEquals(200, closed.status());
        assertFalse(http.isOpen());
    }

    @Test
    void shouldAnswerBadRequestAndCloseWhenRequestCannotBeParsed()
    {
        final List<Response> responses = http.exchange("GET /health HTTP/1.1\r\nContent-Length: many\r\n\r\n");

        assertEquals(1, responses.size());
        assertEquals(400, responses.get(0).status());
        assertWellFormed(responses.get(0), JSON_CONTENT_TYPE);
        assertFalse(http.isOpen());
    }

    private static void assertWellFormed(final Response response, final String contentType)
    {
        assertEquals(contentType, response.contentType());
        assertEquals(
            response.body().getBytes(StandardCharsets.UTF_8).length,
            Integer.parseInt(response.headers().get("Content-Length")), "Content-Length");
    }
}
