package io.firstcall.gateway;

import io.firstcall.gateway.support.Conditions;
import io.firstcall.gateway.support.GatewayFixture;
import io.firstcall.gateway.support.LineClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.firstcall.gateway.support.GatewayFixture.ACME;
import static io.firstcall.gateway.support.GatewayFixture.ACME_REP_TOKEN;
import static io.firstcall.gateway.support.GatewayFixture.GLOBEX;
import static io.firstcall.gateway.support.GatewayFixture.GLOBEX_REP_TOKEN;
import static io.firstcall.gateway.support.GatewayFixture.GLOBEX_SOURCE_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatewaySystemTest
{
    @TempDir
    Path dataDir;

    private GatewayFixture fixture;

    @AfterEach
    void close()
    {
        if (null != fixture)
        {
            fixture.close();
        }
    }

    @Test
    void shouldPushAlertToOwnerAndSettleClaimBetweenReps()
    {
        fixture = new GatewayFixture(dataDir).launch();
        try (LineClient r1 = fixture.json(); LineClient r2 = fixture.json(); LineClient source = fixture.acmeSource())
        {
            assertEquals("welcome", r1.helloRep(ACME, ACME_REP_TOKEN, "r1").get("type"));
            assertEquals("welcome", r2.helloRep(ACME, ACME_REP_TOKEN, "r2").get("type"));

            hotLead(source, "L1", "r1");

            final Map<String, Object> alert = r1.read();
            assertEquals("alert", alert.get("type"), alert.toString());
            assertEquals("L1", alert.get("lead"));
            assertEquals("r1", alert.get("rep"));

            r2.send("{\"type\":\"call\",\"id\":\"c1\",\"lead\":\"L1\",\"outcome\":\"started\"}");
            assertEquals("ack", r2.read().get("type"));
            final Map<String, Object> assigned = r2.read();
            assertEquals("assigned", assigned.get("type"), assigned.toString());
            assertEquals("L1", assigned.get("lead"));

            final Map<String, Object> withdrawn = r1.read();
            assertEquals("withdrawn", withdrawn.get("type"), withdrawn.toString());
            assertEquals("r2", withdrawn.get("claimedBy"));
        }
    }

    @Test
    void shouldNeverPushAnotherTenantsAlerts()
    {
        fixture = new GatewayFixture(dataDir).launch();
        try (LineClient acmeRep = fixture.json(); LineClient globexRep = fixture.json();
            LineClient acmeSource = fixture.acmeSource(); LineClient globexSource = fixture.json())
        {
            acmeRep.helloRep(ACME, ACME_REP_TOKEN, "r1");
            globexRep.helloRep(GLOBEX, GLOBEX_REP_TOKEN, "r1");
            globexSource.hello(GLOBEX, GLOBEX_SOURCE_TOKEN);

            hotLead(acmeSource, "L1", "r1");
            assertEquals("acme", acmeRep.read().get("tenant"));

            hotLead(globexSource, "G1", "r1");
            final Map<String, Object> first = globexRep.read();
            assertEquals("alert", first.get("type"));
            assertEquals("globex", first.get("tenant"), "the first push a globex rep sees is its own tenant's");
            assertEquals("G1", first.get("lead"));
        }
    }

    @Test
    void shouldCutOffRepThatDoesNotReadWithoutStallingOthers()
    {
        fixture = new GatewayFixture(dataDir);
        fixture.gatewayContext().repBufferBytes(4096);
        fixture.launch();
        try (LineClient slow = LineClient.connect(fixture.gateway().jsonPort(), 1024);
            LineClient r2 = fixture.json();
            LineClient source = fixture.acmeSource())
        {
            slow.helloRep(ACME, ACME_REP_TOKEN, "slow");
            r2.helloRep(ACME, ACME_REP_TOKEN, "r2");

            int sent = 0;
            while (fixture.counter(GatewayCounter.SLOW_CONSUMER_DISCONNECTS) == 0 && sent < 20_000)
            {
                hotLeadUnacked(source, "S" + sent, "slow");
                sent++;
                if (sent % 100 == 0)
                {
                    drainAcks(source, 100);
                }
            }
            assertTrue(fixture.counter(GatewayCounter.SLOW_CONSUMER_DISCONNECTS) > 0, "cut off after " + sent + " alerts");

            drainAcks(source, sent % 100);
            hotLead(source, "L2", "r2");
            final Map<String, Object> alert = r2.read();
            assertEquals("alert", alert.get("type"));
            assertEquals("L2", alert.get("lead"));
        }
    }

    @Test
    void shouldSpeakTheSameProtocolOverWebSocket() throws Exception
    {
        fixture = new GatewayFixture(dataDir).launch();
        final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        final WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .buildAsync(URI.create("ws://127.0.0.1:" + fixture.gateway().httpPort() + "/ws"), new WebSocket.Listener()
            {
                private final StringBuilder partial = new StringBuilder();

                public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last)
                {
                    partial.append(data);
                    if (last)
                    {
                        received.add(partial.toString());
                        partial.setLength(0);
                    }
                    webSocket.request(1);
                    return null;
                }
            })
            .get(10, TimeUnit.SECONDS);
        try (LineClient source = fixture.acmeSource())
        {
            socket.sendText("{\"type\":\"hello\",\"tenant\":\"acme\",\"token\":\"" + ACME_REP_TOKEN +
                "\",\"role\":\"rep\",\"rep\":\"r3\"}", true).get(5, TimeUnit.SECONDS);
            assertEquals("welcome", LineClient.parse(next(received)).get("type"));

            hotLead(source, "W1", "r3");
            final Map<String, Object> alert = LineClient.parse(next(received));
            assertEquals("alert", alert.get("type"));
            assertEquals("W1", alert.get("lead"));

            socket.sendText("{\"type\":\"call\",\"id\":\"wc1\",\"lead\":\"W1\",\"outcome\":\"started\"}", true)
                .get(5, TimeUnit.SECONDS);
            final Map<String, Object> ack = LineClient.parse(next(received));
            assertEquals("ack", ack.get("type"));
            assertEquals("wc1", ack.get("id"));
        }
        finally
        {
            socket.abort();
        }
    }

    @Test
    void shouldServeOpsEndpointsOnTheRunningServer() throws Exception
    {
        fixture = new GatewayFixture(dataDir).launch();
        try (LineClient source = fixture.acmeSource())
        {
            source.send("{\"type\":\"visit\",\"id\":\"v1\",\"lead\":\"L1\",\"page\":\"/pricing\"}");
            assertEquals("ack", source.read().get("type"));
        }
        final HttpClient client = HttpClient.newHttpClient();
        final String base = "http://127.0.0.1:" + fixture.gateway().httpPort();
        final HttpResponse<String> health = client.send(
            HttpRequest.newBuilder(URI.create(base + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        final HttpResponse<String> metrics = client.send(
            HttpRequest.newBuilder(URI.create(base + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("firstcall_events_journaled_total"), metrics.body());
        assertTrue(metrics.body().contains("firstcall_gateway_acks_sent_total"), metrics.body());
    }

    private static String next(final LinkedBlockingQueue<String> received) throws InterruptedException
    {
        final String message = received.poll(Conditions.DEFAULT_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        assertNotNull(message, "no WebSocket message in time");
        return message;
    }

    private static void hotLead(final LineClient source, final String lead, final String owner)
    {
        hotLeadUnacked(source, lead, owner);
        drainAcks(source, 1);
    }

    private static void hotLeadUnacked(final LineClient source, final String lead, final String owner)
    {
        source.send("{\"type\":\"lead\",\"id\":\"" + lead + "-p\",\"lead\":\"" + lead + "\",\"owner\":\"" + owner + "\"}");
        source.send("{\"type\":\"form\",\"id\":\"" + lead + "-f\",\"lead\":\"" + lead + "\",\"form\":\"demo_request\"}");
    }

    private static void drainAcks(final LineClient source, final int hotLeads)
    {
        for (int i = 0; i < hotLeads * 2; i++)
        {
            final Map<String, Object> ack = source.read();
            assertEquals("ack", ack.get("type"), ack.toString());
        }
    }
}
