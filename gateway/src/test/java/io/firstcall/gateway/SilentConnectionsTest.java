package io.firstcall.gateway;

import io.firstcall.event.EventWriter;
import io.firstcall.gateway.support.Conditions;
import io.firstcall.gateway.support.FrameClient;
import io.firstcall.gateway.support.GatewayFixture;
import io.firstcall.gateway.support.LineClient;
import io.firstcall.gateway.support.OpsRequests;
import io.firstcall.gateway.support.RawClient;
import io.firstcall.gateway.support.WsClient;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.firstcall.gateway.support.GatewayFixture.ACME;
import static io.firstcall.gateway.support.GatewayFixture.ACME_SOURCE_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Connections that never say hello take no slot of {@code max.connections}, and past
 * {@code max.unauthenticated} each new one closes the one that has waited longest: however many there
 * are, a client that says hello is welcomed and served at once. The hello deadline is set far beyond
 * each test, so nothing here makes room by timing out.
 */
class SilentConnectionsTest
{
    /** The promise: served within a second. Loopback round trips take well under a millisecond. */
    private static final long SERVED_WITHIN_MS = 1_000;
    private static final long NO_TIMEOUT_MS = 600_000;

    @TempDir
    Path dataDir;

    private final List<RawClient> silent = new ArrayList<>();
    private final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[4096]));
    private GatewayFixture fixture;

    @AfterEach
    void close()
    {
        silent.forEach(RawClient::close);
        if (null != fixture)
        {
            fixture.close();
        }
    }

    @Test
    void shouldServeNewClientsWhileSilentConnectionsExceedBothLimits()
    {
        launch(2, 4);
        openSilent(fixture.gateway().jsonPort(), 4);
        openSilent(fixture.gateway().sbePort(), 4);
        openSilent(fixture.gateway().httpPort(), 4);
        awaitUnauthenticated(4, 8);

        final long startNs = System.nanoTime();
        try (LineClient json = fixture.acmeSource(); FrameClient sbe = fixture.sbe())
        {
            acknowledge(json, "j1");
            assertEquals("welcome", sbe.hello(ACME, ACME_SOURCE_TOKEN).get("type"));
            sbe.sendFrame(writer.buffer(), writer.visit(ACME, "s1", "L1", "/pricing"));
            assertEquals("ack", sbe.read().get("type"));
            assertServedInTime(startNs);

            // max.connections now bounds the authenticated sessions, and only them.
            try (LineClient third = fixture.json())
            {
                assertEquals("too_many_connections", third.hello(ACME, ACME_SOURCE_TOKEN).get("code"));
                assertTrue(third.isClosedByServer());
            }
            acknowledge(json, "j2");
        }
        assertEquals(0, fixture.counter(GatewayCounter.HELLO_TIMEOUTS));
        assertEquals(1, fixture.counter(GatewayCounter.LIMIT_BREACHES));
    }

    @Test
    void shouldServeClientsOfEveryPortAmongElevenHundredSilentConnectionsAtTheDefaultLimits() throws Exception
    {
        launch(GatewayContext.MAX_CONNECTIONS_DEFAULT, GatewayContext.MAX_UNAUTHENTICATED_DEFAULT);
        openSilent(fixture.gateway().jsonPort(), 1_100);
        awaitUnauthenticated(1_024, 76);

        long startNs = System.nanoTime();
        try (LineClient json = fixture.acmeSource())
        {
            acknowledge(json, "j1");
            assertServedInTime(startNs);
        }

        startNs = System.nanoTime();
        try (FrameClient sbe = fixture.sbe())
        {
            assertEquals("welcome", sbe.hello(ACME, ACME_SOURCE_TOKEN).get("type"));
            sbe.sendFrame(writer.buffer(), writer.visit(ACME, "s1", "L1", "/pricing"));
            assertEquals("ack", sbe.read().get("type"));
            assertServedInTime(startNs);
        }

        startNs = System.nanoTime();
        final WsClient ws = WsClient.connect(fixture.gateway().httpPort());
        try
        {
            ws.send("{\"type\":\"hello\",\"tenant\":\"acme\",\"token\":\"" + ACME_SOURCE_TOKEN + "\"}");
            assertEquals("welcome", ws.next().get("type"));
            ws.send("{\"type\":\"visit\",\"id\":\"w1\",\"lead\":\"L1\",\"page\":\"/\"}");
            assertEquals("ack", ws.next().get("type"));
            assertServedInTime(startNs);
        }
        finally
        {
            ws.close();
        }
        assertEquals(0, fixture.counter(GatewayCounter.HELLO_TIMEOUTS));
    }

    @Test
    void shouldCloseTheLongestWaitingConnectionOfAnyPortAndLeaveSessionsAlone()
    {
        launch(4, 3);
        try (LineClient source = fixture.acmeSource();
            LineClient json = awaitAdmitted(fixture.json(), 1);
            FrameClient sbe = awaitAdmitted(fixture.sbe(), 2);
            RawClient http = awaitAdmitted(RawClient.connect(fixture.gateway().httpPort()), 3))
        {
            awaitUnauthenticated(3, 0);

            openSilent(fixture.gateway().jsonPort(), 1);
            final Map<String, Object> jsonError = json.read();
            assertEquals("too_many_unauthenticated", jsonError.get("code"), jsonError.toString());
            assertTrue(json.isClosedByServer());

            openSilent(fixture.gateway().jsonPort(), 1);
            assertEquals("too_many_unauthenticated", sbe.read().get("code"));
            assertTrue(sbe.isClosedByServer());

            openSilent(fixture.gateway().jsonPort(), 1);
            final String answer = http.readUntilClosed();
            assertTrue(answer.startsWith("HTTP/1.1 503 Service Unavailable\r\n"), answer);
            assertTrue(answer.endsWith("{\"error\":\"too_many_unauthenticated\"}\n"), answer);

            acknowledge(source, "v1");
        }
        assertEquals(3, fixture.counter(GatewayCounter.UNAUTHENTICATED_EVICTIONS));
        assertEquals(0, fixture.counter(GatewayCounter.HELLO_TIMEOUTS));
    }

    @Test
    void shouldShowUnauthenticatedConnectionsOnStatsAndMetrics()
    {
        launch(4, 3);
        openSilent(fixture.gateway().jsonPort(), 4);
        awaitUnauthenticated(3, 1);
        silent.get(3).close();
        // Room for the request's own connection, which waits too until its request is read.
        Conditions.await("a silent connection gone", () -> 2 == fixture.counter(GatewayCounter.UNAUTHENTICATED_OPEN));

        final Map<String, Object> stats = OpsRequests.gatewayStats(fixture.gateway().httpPort());
        assertEquals(2, ((Number)stats.get("unauthenticated_open")).intValue(), stats.toString());
        assertEquals(1, ((Number)stats.get("unauthenticated_evictions")).intValue(), stats.toString());
        assertEquals(0, ((Number)stats.get("hello_timeouts")).intValue(), stats.toString());
        assertEquals(0, ((Number)stats.get("connections_open")).intValue(), stats.toString());

        final String metrics = OpsRequests.get(fixture.gateway().httpPort(), "/metrics");
        assertTrue(metrics.contains("\nfirstcall_gateway_unauthenticated_open 2.0\n"), metrics);
        assertTrue(metrics.contains("\nfirstcall_gateway_unauthenticated_evictions_total 1.0\n"), metrics);
        assertTrue(metrics.contains("\nfirstcall_gateway_hello_timeouts_total 0.0\n"), metrics);
    }

    private void launch(final int maxConnections, final int maxUnauthenticated)
    {
        fixture = new GatewayFixture(dataDir);
        fixture.gatewayContext()
            .maxConnections(maxConnections)
            .maxUnauthenticated(maxUnauthenticated)
            .helloTimeoutMs(NO_TIMEOUT_MS);
        fixture.launch();
    }

    private void openSilent(final int port, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            silent.add(RawClient.connect(port));
        }
    }

    /**
     * Connections of different ports are accepted in no set order; wait for each to count, so the
     * oldest is known.
     */
    private <T> T awaitAdmitted(final T client, final long unauthenticated)
    {
        Conditions.await("connection " + unauthenticated + " admitted",
            () -> unauthenticated == fixture.counter(GatewayCounter.UNAUTHENTICATED_OPEN));
        return client;
    }

    private void awaitUnauthenticated(final long open, final long evictions)
    {
        Conditions.await(
            () -> open + " waiting for hello and " + evictions + " pushed out, got " +
                fixture.counter(GatewayCounter.UNAUTHENTICATED_OPEN) + " and " +
                fixture.counter(GatewayCounter.UNAUTHENTICATED_EVICTIONS),
            () -> open == fixture.counter(GatewayCounter.UNAUTHENTICATED_OPEN) &&
                evictions == fixture.counter(GatewayCounter.UNAUTHENTICATED_EVICTIONS));
    }

    private static void acknowledge(final LineClient client, final String id)
    {
        client.send("{\"type\":\"visit\",\"id\":\"" + id + "\",\"lead\":\"L1\",\"page\":\"/pricing\"}");
        final Map<String, Object> ack = client.read();
        assertEquals("ack", ack.get("type"), ack.toString());
    }

    private static void assertServedInTime(final long startNs)
    {
        final long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs);
        assertTrue(elapsedMs < SERVED_WITHIN_MS, "welcomed and acknowledged after " + elapsedMs + " ms");
    }
}
