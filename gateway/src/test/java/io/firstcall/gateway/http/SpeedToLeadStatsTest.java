package io.firstcall.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firstcall.gateway.cli.FirstcallCli;
import io.firstcall.gateway.support.Conditions;
import io.firstcall.gateway.support.GatewayFixture;
import io.firstcall.gateway.support.LineClient;
import io.firstcall.gateway.support.OpsRequests;
import io.firstcall.support.SpeedToLeadScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live speed-to-lead figures a running server serves at /stats and /metrics equal what
 * {@code firstcall report} computes from the same data directory, read while the server runs.
 */
class SpeedToLeadStatsTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void shouldServeTheFiguresTheOfflineReportComputes() throws Exception
    {
        try (GatewayFixture fixture = new GatewayFixture(dataDir))
        {
            fixture.engineContext().tenant(GatewayFixture.ACME, SpeedToLeadScript.RULES);
            fixture.launch();
            try (LineClient source = fixture.acmeSource())
            {
                send(source, "{\"type\":\"presence\",\"id\":\"p1\",\"rep\":\"ana\",\"status\":\"available\"}");
                send(source, "{\"type\":\"presence\",\"id\":\"p2\",\"rep\":\"ben\",\"status\":\"available\"}");
                for (int i = 1; i <= 4; i++)
                {
                    send(source, "{\"type\":\"lead\",\"id\":\"u" + i + "\",\"lead\":\"L" + i + "\",\"region\":\"" +
                        (i < 4 ? "us-west" : "emea") + "\",\"source\":\"" + (i % 2 == 0 ? "ads" : "web") + "\"}");
                    send(source, "{\"type\":\"form\",\"id\":\"f" + i + "\",\"lead\":\"L" + i + "\",\"form\":\"demo_request\"}");
                }
                send(source, "{\"type\":\"call\",\"id\":\"c1\",\"lead\":\"L1\",\"rep\":\"ana\",\"outcome\":\"started\"}");
                send(source, "{\"type\":\"call\",\"id\":\"c2\",\"lead\":\"L1\",\"rep\":\"ana\",\"outcome\":\"connected\"}");
                send(source, "{\"type\":\"qualify\",\"id\":\"q1\",\"lead\":\"L1\",\"rep\":\"ana\",\"result\":\"qualified\"}");
                send(source, "{\"type\":\"opportunity\",\"id\":\"o1\",\"lead\":\"L1\",\"rep\":\"ana\",\"amount\":250.75}");
                send(source, "{\"type\":\"call\",\"id\":\"c3\",\"lead\":\"L2\",\"rep\":\"ben\",\"outcome\":\"no_answer\"}");
            }

            final int httpPort = fixture.gateway().httpPort();
            // The live figures follow the journals on their own thread: wait until they have read all four leads.
            final JsonNode[] seen = new JsonNode[2];
            Conditions.await(() -> "live figures equal to the report's: " + seen[0] + " against " + seen[1], () ->
            {
                seen[0] = stats(httpPort).path("speedToLead").path("acme");
                seen[1] = report().path("tenants").path("acme");
                return seen[0].path("total").equals(seen[1].path("total")) && 4 == seen[0].path("total").path("hotLeads").asInt();
            }, 20_000);
            final JsonNode live = seen[0];
            final JsonNode offline = seen[1];

            assertEquals(4, offline.path("total").path("hotLeads").asInt(), offline.toString());
            assertEquals(offline.path("total"), live.path("total"));
            assertEquals(offline.path("groups"), live.path("teams"));
            assertEquals(2, live.path("total").path("responseFromHot").path("leads").asInt(), "L1 and L2 were called");
            assertEquals(250.75, live.path("total").path("buckets").path("le5m").path("opportunityAmount").asDouble());

            final String metrics = OpsRequests.get(httpPort, "/metrics");
            assertTrue(metrics.contains("firstcall_speed_to_lead_leads{bucket=\"le5m\",team=\"west\",tenant=\"acme\"} 2.0") ||
                metrics.contains("firstcall_speed_to_lead_leads{tenant=\"acme\",team=\"west\",bucket=\"le5m\"} 2.0"),
                metrics.lines().filter(l -> l.contains("speed_to_lead_leads")).reduce("", (a, b) -> a + "\n" + b));
            assertTrue(metrics.contains("firstcall_speed_to_lead_response_seconds_count{team=\"west\",tenant=\"acme\"} 2") ||
                metrics.contains("firstcall_speed_to_lead_response_seconds_count{tenant=\"acme\",team=\"west\"} 2"), metrics);
        }
    }

    private JsonNode report()
    {
        final StringWriter out = new StringWriter();
        final CommandLine commandLine = FirstcallCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(new StringWriter(), true));
        assertEquals(0, commandLine.execute("report", "--data", dataDir.toString(), "--by", "team", "--format", "json"));
        return tree(out.toString());
    }

    private static JsonNode stats(final int httpPort)
    {
        return tree(OpsRequests.get(httpPort, "/stats"));
    }

    private static JsonNode tree(final String json)
    {
        try
        {
            return JSON.readTree(json);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static void send(final LineClient client, final String line)
    {
        client.send(line);
        final String reply = client.readLine();
        if (!reply.contains("\"type\":\"ack\""))
        {
            throw new AssertionError(line + " -> " + reply);
        }
    }
}
