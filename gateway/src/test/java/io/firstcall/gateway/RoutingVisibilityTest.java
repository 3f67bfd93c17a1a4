package io.firstcall.gateway;

import io.firstcall.gateway.support.GatewayFixture;
import io.firstcall.gateway.support.LineClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.firstcall.gateway.support.GatewayFixture.ACME;
import static io.firstcall.gateway.support.GatewayFixture.ACME_REP_TOKEN;
import static io.firstcall.gateway.support.GatewayFixture.GLOBEX;
import static io.firstcall.gateway.support.GatewayFixture.GLOBEX_REP_TOKEN;
import static io.firstcall.gateway.support.GatewayFixture.GLOBEX_SOURCE_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A rep's connection receives only the alerts its visibility grants: reps of two teams (owned and
 * all-records) in one tenant, and a second tenant with a rep of the same id, over real sockets.
 * Pushes arrive in journal order, so each rep's alerts up to a last alert meant for it are exactly
 * what it was granted: anything leaked would show up before that last one.
 */
class RoutingVisibilityTest
{
    static final String ACME_ROSTER = String.join("\n",
        "tenant: acme",
        "hot: {forms: [demo_request]}",
        "teams:",
        "  - {id: west, visibility: owned, territory: {regions: [us-west]}}",
        "  - {id: emea, visibility: all, territory: {regions: [emea]}}",
        "reps:",
        "  - {id: w1, team: west}",
        "  - {id: w2, team: west}",
        "  - {id: e1, team: emea}",
        "  - {id: e2, team: emea}",
        "");
    static final String GLOBEX_ROSTER = String.join("\n",
        "tenant: globex",
        "hot: {forms: [demo_request]}",
        "teams:",
        "  - {id: emea, visibility: all}",
        "reps:",
        "  - {id: e1, team: emea}",
        "  - {id: x1, team: emea}",
        "");

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
    void repsSeeOnlyTheAlertsTheirTeamsVisibilityGrants()
    {
        fixture = new GatewayFixture(dataDir);
        fixture.engineContext().tenant(ACME, ACME_ROSTER).tenant(GLOBEX, GLOBEX_ROSTER);
        fixture.launch();
        try (LineClient acme = fixture.acmeSource();
            LineClient globex = fixture.json();
            LineClient w1 = rep(ACME, ACME_REP_TOKEN, "w1");
            LineClient w2 = rep(ACME, ACME_REP_TOKEN, "w2");
            LineClient e1 = rep(ACME, ACME_REP_TOKEN, "e1");
            LineClient e2 = rep(ACME, ACME_REP_TOKEN, "e2");
            LineClient globexE1 = rep(GLOBEX, GLOBEX_REP_TOKEN, "e1");
            LineClient globexX1 = rep(GLOBEX, GLOBEX_REP_TOKEN, "x1"))
        {
            globex.hello(GLOBEX, GLOBEX_SOURCE_TOKEN);
            online(acme, "w1", "w2", "e1", "e2");
            online(globex, "e1", "x1");

            hot(acme, "A1", "emea", null);
            hot(acme, "A2", "us-west", "w2");
            hot(globex, "G1", "emea", null);
            hot(acme, "A3", "us-west", "w1");
            hot(acme, "A4", "emea", null);
            hot(globex, "G2", "emea", null);
            hot(acme, "A5", "us-west", "w2");

            assertEquals(List.of("acme/A3"), alertsUntil(w1, "A3"));
            assertEquals(List.of("acme/A2", "acme/A5"), alertsUntil(w2, "A5"));
            assertEquals(List.of("acme/A1", "acme/A4"), alertsUntil(e1, "A4"));
            assertEquals(List.of("acme/A1", "acme/A4"), alertsUntil(e2, "A4"));
            assertEquals(List.of("globex/G1", "globex/G2"), alertsUntil(globexE1, "G2"));
            assertEquals(List.of("globex/G1", "globex/G2"), alertsUntil(globexX1, "G2"));
        }
    }

    @Test
    void aRepWithTheirOwnTokenCannotBeImpersonatedWithTheSharedOne()
    {
        fixture = new GatewayFixture(dataDir);
        fixture.gatewayContext().tenant(new TenantAccess(ACME, "acme-source-secret", ACME_REP_TOKEN, Map.of("w1", "w1-secret")));
        fixture.launch();
        try (LineClient impostor = fixture.json(); LineClient w1 = fixture.json(); LineClient w2 = fixture.json())
        {
            final Map<String, Object> refused = impostor.helloRep(ACME, ACME_REP_TOKEN, "w1");
            assertEquals("unauthorized", refused.get("code"), refused.toString());
            assertEquals("welcome", w1.helloRep(ACME, "w1-secret", "w1").get("type"));
            assertEquals("welcome", w2.helloRep(ACME, ACME_REP_TOKEN, "w2").get("type"), "reps not listed use the shared token");
        }
    }

    private LineClient rep(final String tenant, final String token, final String rep)
    {
        final LineClient client = fixture.json();
        assertEquals("welcome", client.helloRep(tenant, token, rep).get("type"));
        return client;
    }

    private void online(final LineClient source, final String... reps)
    {
        for (final String rep : reps)
        {
            source.send("{\"type\":\"presence\",\"id\":\"p" + eventNumber++ + "\",\"rep\":\"" + rep + "\",\"status\":\"available\"}");
            assertEquals("ack", source.read().get("type"));
        }
    }

    private void hot(final LineClient source, final String lead, final String region, final String owner)
    {
        source.send("{\"type\":\"lead\",\"id\":\"e" + eventNumber++ + "\",\"lead\":\"" + lead + "\",\"region\":\"" + region +
            "\"" + (null == owner ? "" : ",\"owner\":\"" + owner + "\"") + "}");
        source.send("{\"type\":\"form\",\"id\":\"e" + eventNumber++ + "\",\"lead\":\"" + lead + "\",\"form\":\"demo_request\"}");
        assertEquals("ack", source.read().get("type"));
        assertEquals("ack", source.read().get("type"));
    }

    /**
     * @return "tenant/lead" of every alert the connection receives, up to and including {@code lastLead}'s.
     */
    private static List<String> alertsUntil(final LineClient rep, final String lastLead)
    {
        final List<String> alerts = new ArrayList<>();
        while (true)
        {
            final Map<String, Object> push = rep.read();
            if ("alert".equals(push.get("type")))
            {
                alerts.add(push.get("tenant") + "/" + push.get("lead"));
                if (lastLead.equals(push.get("lead")))
                {
                    return alerts;
                }
            }
        }
    }
}
