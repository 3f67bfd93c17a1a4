package io.firstcall.gateway;

import io.firstcall.gateway.support.Conditions;
import io.firstcall.timing.HistogramLogAgent;
import io.firstcall.timing.LatencyStage;
import io.firstcall.gateway.support.GatewayFixture;
import io.firstcall.gateway.support.LineClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.firstcall.gateway.support.GatewayFixture.ACME;
import static io.firstcall.gateway.support.GatewayFixture.ACME_REP_TOKEN;
import static io.firstcall.gateway.support.GatewayFixture.GLOBEX;
import static io.firstcall.gateway.support.GatewayFixture.GLOBEX_REP_TOKEN;
import static io.firstcall.gateway.support.GatewayFixture.GLOBEX_SOURCE_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Outputs reach the live connections of the rep they are for, in the same tenant only, and a rep
 * that does not read is cut off without holding up anyone else.
 */
class RepPushTest
{
    @TempDir
    Path dataDir;

    private GatewayFixture fixture;
    private int eventNumber;

    @AfterEach
    void close()
    {
        fixture.close();
    }

    @Test
    void shouldPushAlertForHotLeadToEveryConnectionOfTheOwner()
    {
        fixture = new GatewayFixture(dataDir).launch();
        try (LineClient source = fixture.acmeSource();
            LineClient owner = rep(ACME, ACME_REP_TOKEN, "r1");
            LineClient ownerElsewhere = rep(ACME, ACME_REP_TOKEN, "r1");
            LineClient otherRep = rep(ACME, ACME_REP_TOKEN, "r2"))
        {
            makeHot(source, "L1", "r1");

            for (final LineClient connection : new LineClient[]{owner, ownerElsewhere})
            {
                final Map<String, Object> alert = nextAlert(connection);
                assertEquals(ACME, alert.get("tenant"));
                assertEquals("L1", alert.get("lead"));
                assertEquals("r1", alert.get("rep"));
                assertEquals("Ann", alert.get("name"));
            }

            makeHot(source, "L2", "r2");
            final Map<String, Object> alert = nextAlert(otherRep);
            assertEquals("L2", alert.get("lead"), "r2 sees its own alert first, never r1's");
        }
        assertTrue(fixture.counter(GatewayCounter.PUSHES_SENT) >= 3);

        // The alert stage times the two inputs that alerted, and none of the others (the leads' upserts).
        final HistogramLogAgent histograms = fixture.gateway().engine().histograms();
        Conditions.await("alert latency recorded", () ->
        {
            histograms.sample();
            return 2 == histograms.cumulative(LatencyStage.RECEIVE_TO_ALERT).getTotalCount();
        });
        assertTrue(histograms.cumulative(LatencyStage.RECEIVE_TO_PUBLISHED).getTotalCount() > 2);
    }

    /**
     * Protocol v2: an alert's reasons arrive as a JSON object and its activity as a JSON array, not
     * as JSON text inside strings.
     */
    @Test
    @SuppressWarnings("unchecked")
    void shouldPushReasonsAsAnObjectAndActivityAsAnArray()
    {
        fixture = new GatewayFixture(dataDir).launch();
        try (LineClient source = fixture.acmeSource(); LineClient owner = rep(ACME, ACME_REP_TOKEN, "r1"))
        {
            makeHot(source, "L1", "r1");

            final Map<String, Object> alert = nextAlert(owner);
            final Map<String, Object> reasons = (Map<String, Object>)alert.get("reasons");
            assertEquals(List.of("form:demo_request"), reasons.get("criteria"));
            assertEquals(alert.get("score"), reasons.get("score"));
            final Map<String, Object> behavioural = (Map<String, Object>)reasons.get("behavioural");
            assertEquals(List.of(Map.of("signal", "form:demo_request", "points", 40)), behavioural.get("signals"));
            final List<Map<String, Object>> activity = (List<Map<String, Object>>)alert.get("activity");
            assertEquals("form", activity.get(0).get("type"));
            assertEquals("demo_request", activity.get(0).get("detail"));
            assertEquals(alert.get("at"), activity.get(0).get("at"), "the form is what made the lead hot");
        }
    }

    @Test
    void shouldNeverPushAnotherTenantsOutputsToARepWithTheSameId()
    {
        fixture = new GatewayFixture(dataDir).launch();
        try (LineClient acmeSource = fixture.acmeSource();
            LineClient globexSource = fixture.json();
            LineClient acmeRep = rep(ACME, ACME_REP_TOKEN, "r1");
            LineClient globexRep = rep(GLOBEX, GLOBEX_REP_TOKEN, "r1"))
        {
            globexSource.hello(GLOBEX, GLOBEX_SOURCE_TOKEN);
            makeHot(acmeSource, "L1", "r1");
            assertEquals(ACME, nextAlert(acmeRep).get("tenant"));

            // Outputs are delivered in journal order: had acme's alert leaked, it would come first.
            makeHot(globexSource, "L1", "r1");
            final Map<String, Object> alert = nextAlert(globexRep);
            assertEquals(GLOBEX, alert.get("tenant"));
        }
    }

    @Test
    void shouldCutOffRepThatDoesNotReadWhileAnotherKeepsReceiving()
    {
        fixture = new GatewayFixture(dataDir);
        fixture.gatewayContext().repBufferBytes(1024);
        fixture.launch();
        try (LineClient source = fixture.acmeSource();
            LineClient fast = rep(ACME, ACME_REP_TOKEN, "fast");
            LineClient slow = LineClient.connect(fixture.gateway().jsonPort(), 4096))
        {
            slow.send("{\"type\":\"hello\",\"tenant\":\"acme\",\"token\":\"" + ACME_REP_TOKEN +
                "\",\"role\":\"rep\",\"rep\":\"slow\"}");

            final long startNs = System.nanoTime();
            int lead = 0;
            while (fixture.counter(GatewayCounter.SLOW_CONSUMER_DISCONNECTS) == 0)
            {
                assertTrue(System.nanoTime() - startNs < 20_000_000_000L, "the slow rep was never cut off");
                makeHot(source, "S" + lead++, "slow");
                if (0 == lead % 50)
                {
                    makeHot(source, "F" + lead, "fast");
                    assertEquals("F" + lead, nextAlert(fast).get("lead"));
                }
            }

            makeHot(source, "F-after", "fast");
            assertEquals("F-after", nextAlert(fast).get("lead"), "the other rep still receives alerts");
            Conditions.await("the slow rep's connection closed",
                () -> fixture.counter(GatewayCounter.CONNECTIONS_OPEN) == 2);
        }
        assertEquals(1, fixture.counter(GatewayCounter.SLOW_CONSUMER_DISCONNECTS));
    }

    private LineClient rep(final String tenant, final String token, final String rep)
    {
        final LineClient client = fixture.json();
        assertEquals("welcome", client.helloRep(tenant, token, rep).get("type"));
        return client;
    }

    /**
     * A lead owned by {@code owner} asks for a demo: the engine alerts the owner.
     */
    private void makeHot(final LineClient source, final String lead, final String owner)
    {
        source.send("{\"type\":\"lead\",\"id\":\"e" + eventNumber++ + "\",\"lead\":\"" + lead +
            "\",\"name\":\"Ann\",\"owner\":\"" + owner + "\"}");
        source.send("{\"type\":\"form\",\"id\":\"e" + eventNumber++ + "\",\"lead\":\"" + lead +
            "\",\"form\":\"demo_request\"}");
        assertEquals("ack", source.read().get("type"));
        assertEquals("ack", source.read().get("type"));
    }

    /**
     * @return the next alert, skipping other pushes (an assignment may come first).
     */
    private static Map<String, Object> nextAlert(final LineClient rep)
    {
        while (true)
        {
            final Map<String, Object> push = rep.read();
            if ("alert".equals(push.get("type")))
            {
                return push;
            }
        }
    }
}
