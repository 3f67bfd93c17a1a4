package io.firstcall.gateway.http;

import io.firstcall.gateway.Gateway;
import io.firstcall.gateway.GatewayCounter;
import io.firstcall.gateway.TenantAccess;
import io.firstcall.gateway.support.Conditions;
import io.firstcall.gateway.support.GatewayFixture;
import io.firstcall.gateway.support.LineClient;
import io.firstcall.gateway.support.WsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import static io.firstcall.gateway.support.GatewayFixture.ACME;
import static io.firstcall.gateway.support.GatewayFixture.ACME_REP_TOKEN;
import static io.firstcall.gateway.support.GatewayFixture.ACME_SOURCE_TOKEN;
import static io.firstcall.gateway.support.GatewayFixture.GLOBEX;
import static io.firstcall.gateway.support.GatewayFixture.GLOBEX_REP_TOKEN;
import static io.firstcall.gateway.support.GatewayFixture.GLOBEX_SOURCE_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bearer tokens on the HTTP port of a running gateway: the operator sees everything, a tenant only
 * its own figures, anyone else nothing but the paths left open.
 */
class OpsAuthTest
{
    private static final String OPERATOR_TOKEN = "operator-secret-1";
    private static final String ACME_OPS_TOKEN = "acme-ops-secret-1";
    private static final String GLOBEX_OPS_TOKEN = "globex-ops-secret-1";

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private GatewayFixture fixture;

    @AfterEach
    void close()
    {
        fixture.close();
    }

    @Test
    void shouldRefuseAMissingOrWrongTokenOnEveryClosedPath() throws Exception
    {
        launch(true, true);

        // "/" is the dashboard's page now (a redirect to /dashboard/, which holds no data): see below.
        for (final String path : new String[]{ "/stats", "/latency", "/latency?format=json", "/nope", "/dashboardx" })
        {
            for (final String token : new String[]{ null, "wrong-token", ACME_SOURCE_TOKEN, "", OPERATOR_TOKEN + "x" })
            {
                final HttpResponse<String> response = get(path, token);
                assertEquals(401, response.statusCode(), path + " with " + token);
                assertEquals("Bearer realm=\"firstcall\"", response.headers().firstValue("WWW-Authenticate").orElse(""));
                assertEquals("{\"error\":\"unauthorized\"}\n", response.body());
            }
        }
        final HttpResponse<String> basic = http.send(HttpRequest.newBuilder(uri("/stats"))
            .header("Authorization", "Basic " + OPERATOR_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, basic.statusCode());
        assertEquals(26, fixture.counter(GatewayCounter.OPS_UNAUTHORIZED));

        final HttpResponse<String> root = get("/", null);
        assertEquals(302, root.statusCode(), "the dashboard's page needs no token");
        assertEquals("/dashboard/", root.headers().firstValue("Location").orElse(""));
        assertEquals("", root.body());
    }

    @Test
    void shouldLetTheOperatorSeeEverything() throws Exception
    {
        launch(false, false);

        final HttpResponse<String> stats = get("/stats", OPERATOR_TOKEN);
        assertEquals(200, stats.statusCode());
        final Map<String, Object> body = LineClient.parse(stats.body());
        assertTrue(body.containsKey("engine") && body.containsKey("gateway"), stats.body());
        assertEquals(Map.of(ACME, tenantCounters(0, 0), GLOBEX, tenantCounters(0, 0)), body.get("tenants"));

        assertEquals(200, get("/latency", OPERATOR_TOKEN).statusCode());
        assertEquals(200, get("/metrics", "  " + OPERATOR_TOKEN).statusCode(), "spaces around the token are ignored");
        assertEquals(200, get("/health", OPERATOR_TOKEN).statusCode());
        assertEquals(404, get("/nope", OPERATOR_TOKEN).statusCode());
    }

    @Test
    void shouldShowATenantOnlyItsOwnFigures() throws Exception
    {
        launch(true, true);
        try (LineClient source = fixture.acmeSource(); LineClient other = fixture.json())
        {
            other.hello(GLOBEX, GLOBEX_SOURCE_TOKEN);
            source.send("{\"type\":\"lead\",\"id\":\"a-1\",\"lead\":\"L1\"}");
            source.send("{\"type\":\"lead\",\"id\":\"a-2\",\"lead\":\"L2\"}");
            other.send("{\"type\":\"lead\",\"id\":\"g-1\",\"lead\":\"G1\"}");
            source.read();
            source.read();
            other.read();

            // The speed-to-lead figures follow the journals on their own thread: they appear once it
            // has read the tenant's first entries.
            Conditions.await("acme's speed-to-lead figures", () -> bodyOf("/stats", ACME_OPS_TOKEN).contains("speedToLead"));
            final HttpResponse<String> acme = get("/stats", ACME_OPS_TOKEN);
            assertEquals(200, acme.statusCode());
            // Since the speed-to-lead figures: the tenant's own, under speedToLead, beside its counters.
            final Map<String, Object> acmeStats = LineClient.parse(acme.body());
            assertEquals(Set.of("tenant", "gateway", "speedToLead"), acmeStats.keySet());
            assertEquals(ACME, acmeStats.get("tenant"));
            assertEquals(tenantCounters(1, 2), acmeStats.get("gateway"));
            assertEquals(Set.of("total", "teams"), ((Map<?, ?>)acmeStats.get("speedToLead")).keySet());
            assertFalse(acme.body().contains(GLOBEX), acme.body());

            final HttpResponse<String> globex = get("/stats", GLOBEX_OPS_TOKEN);
            final Map<String, Object> globexStats = LineClient.parse(globex.body());
            assertEquals(GLOBEX, globexStats.get("tenant"));
            assertEquals(tenantCounters(1, 1), globexStats.get("gateway"));
            assertFalse(globex.body().contains(ACME), globex.body());
        }

        assertEquals(403, get("/latency", ACME_OPS_TOKEN).statusCode(), "latency mixes every tenant's traffic");
        assertEquals("{\"error\":\"forbidden\"}\n", get("/latency", ACME_OPS_TOKEN).body());
        assertEquals(403, get("/some-future-page", ACME_OPS_TOKEN).statusCode());
        assertEquals(200, get("/health", ACME_OPS_TOKEN).statusCode());
        assertEquals(200, get("/metrics", ACME_OPS_TOKEN).statusCode(), "open by configuration");
    }

    @Test
    void shouldKeepHealthAndMetricsOpenByDefaultAndCloseThemOnRequest() throws Exception
    {
        launch(true, true);
        assertEquals(200, get("/health", null).statusCode());
        assertEquals(200, get("/metrics", null).statusCode());
        fixture.close();

        launch(false, false);
        assertEquals(401, get("/health", null).statusCode());
        assertEquals(401, get("/metrics", null).statusCode());
        assertEquals(200, get("/health", ACME_OPS_TOKEN).statusCode());
        assertEquals(403, get("/metrics", ACME_OPS_TOKEN).statusCode(), "metrics are every tenant's");
        assertEquals(200, get("/metrics", OPERATOR_TOKEN).statusCode());
    }

    @Test
    void shouldCheckAWebSocketTokenSentInTheHeaderAndKeepTheHelloAuthentication() throws Exception
    {
        final Gateway gateway = launch(true, true);

        final ExecutionException refused = assertThrows(ExecutionException.class,
            () -> WsClient.connect(gateway.httpPort(), null, "Authorization", "Bearer not-a-token"));
        assertInstanceOf(WebSocketHandshakeException.class, refused.getCause());
        assertEquals(401, ((WebSocketHandshakeException)refused.getCause()).getResponse().statusCode());

        try (WsClient withHeader = WsClient.connect(gateway.httpPort(), null, "Authorization", "Bearer " + ACME_REP_TOKEN))
        {
            withHeader.send("{\"type\":\"hello\",\"tenant\":\"acme\",\"token\":\"" + ACME_REP_TOKEN +
                "\",\"role\":\"rep\",\"rep\":\"r1\"}");
            assertEquals("welcome", withHeader.next().get("type"));
        }
        try (WsClient helloOnly = WsClient.connect(gateway.httpPort(), null))
        {
            helloOnly.send("{\"type\":\"hello\",\"tenant\":\"globex\",\"token\":\"" + GLOBEX_REP_TOKEN +
                "\",\"role\":\"rep\",\"rep\":\"r9\"}");
            assertEquals("welcome", helloOnly.next().get("type"));
        }
        try (WsClient wrongHello = WsClient.connect(gateway.httpPort(), null, "Authorization", "Bearer " + ACME_OPS_TOKEN))
        {
            wrongHello.send("{\"type\":\"hello\",\"tenant\":\"acme\",\"token\":\"nope\"}");
            assertEquals("unauthorized", wrongHello.next().get("code"), "the hello still authenticates the session");
        }
        Conditions.await("refused upgrade counted", () -> 1 == fixture.counter(GatewayCounter.OPS_UNAUTHORIZED));
    }

    private Gateway launch(final boolean openHealth, final boolean openMetrics)
    {
        fixture = new GatewayFixture(dataDir.resolve("run-" + System.nanoTime()));
        fixture.gatewayContext()
            .opsToken(OPERATOR_TOKEN)
            .opsOpenHealth(openHealth)
            .opsOpenMetrics(openMetrics)
            .tenant(new TenantAccess(ACME, ACME_SOURCE_TOKEN, ACME_REP_TOKEN, Map.of(), ACME_OPS_TOKEN))
            .tenant(new TenantAccess(GLOBEX, GLOBEX_SOURCE_TOKEN, GLOBEX_REP_TOKEN, Map.of(), GLOBEX_OPS_TOKEN));
        return fixture.launch().gateway();
    }

    /**
     * A tenant's row of the one per-tenant table /stats and /metrics share: its traffic, then its
     * outcomes (none in these tests: no tenant has rules that make a lead hot).
     */
    private static Map<String, Object> tenantCounters(final int connectionsOpen, final int eventsOffered)
    {
        return Map.of("connections_open", connectionsOpen, "events_offered", eventsOffered, "events_rate_limited", 0,
            "event_errors", 0, "alerts", 0, "claims", 0, "escalations", 0);
    }

    private String bodyOf(final String path, final String token)
    {
        try
        {
            return get(path, token).body();
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private HttpResponse<String> get(final String path, final String token) throws Exception
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (null != token)
        {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(final String path)
    {
        return URI.create("http://127.0.0.1:" + fixture.gateway().httpPort() + path);
    }
}
