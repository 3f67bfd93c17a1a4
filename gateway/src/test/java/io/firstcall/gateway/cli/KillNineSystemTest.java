package io.firstcall.gateway.cli;

import io.firstcall.gateway.support.Conditions;
import io.firstcall.gateway.support.LineClient;
import io.firstcall.gateway.support.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real server, as a process of its own, killed with SIGKILL in the middle of a stream of hot
 * leads three times: it must still alert a rep after the restarts, and its journals must replay to
 * the same decisions. Runs the routing example of docs/configuration.md.
 */
class KillNineSystemTest
{
    private static final Path CONFIGURATION_DOC = Paths.get("..", "docs", "configuration.md");
    private static final String OPS_TOKEN = "kill-nine-ops-token";
    private static final List<String> EPHEMERAL_PORTS = List.of(
        "-Dfirstcall.gateway.json.port=0", "-Dfirstcall.gateway.sbe.port=0", "-Dfirstcall.gateway.http.port=0",
        "-Dfirstcall.gateway.ops.token=" + OPS_TOKEN);

    @TempDir
    Path dir;

    @Test
    void shouldAlertTheOwnerAndReplayIdenticallyAfterThreeKillsMidStream() throws Exception
    {
        final Path config = Files.writeString(dir.resolve("routing.yaml"), routingExample());
        final Path data = dir.resolve("data");
        final Path log = dir.resolve("server.log");
        final String[] run = { "--config", config.toString(), "--data", data.toString() };

        for (int kill = 1; kill <= 3; kill++)
        {
            try (ServerProcess server = ServerProcess.run(log, EPHEMERAL_PORTS, run))
            {
                streamHotLeadsThenKill(server, "k" + kill);
            }
        }

        try (ServerProcess server = ServerProcess.run(log, EPHEMERAL_PORTS, run);
            LineClient ana = LineClient.connect(server.jsonPort());
            LineClient source = LineClient.connect(server.jsonPort()))
        {
            assertEquals("welcome", ana.helloRep("acme", "ana-secret", "ana").get("type"));
            ana.send("{\"type\":\"presence\",\"id\":\"p-ana\",\"status\":\"available\"}");
            assertEquals("ack", ana.read().get("type"));

            assertEquals("welcome", source.hello("acme", "acme-source-secret").get("type"));
            source.send("{\"type\":\"lead\",\"id\":\"ana-lead\",\"lead\":\"A1\",\"name\":\"Dana Ito\"," +
                "\"owner\":\"ana\",\"region\":\"us-west\"}");
            source.send("{\"type\":\"form\",\"id\":\"ana-form\",\"lead\":\"A1\",\"form\":\"demo_request\"}");
            assertEquals("ack", source.read().get("type"));
            assertEquals("ack", source.read().get("type"));

            final Map<String, Object> alert = nextAlert(ana, server);
            assertEquals("A1", alert.get("lead"), alert.toString());
            assertEquals("ana", alert.get("rep"));

            final String stats = get(server, "/stats");
            assertTrue(stats.contains("\"replay_divergences\":0") && stats.contains("\"outputs_not_journaled\":0"),
                stats + "\n" + server.log());
            assertTrue(get(server, "/health").contains("\"up\""), server.log());
            assertEquals(143, server.stop(), "a graceful stop after SIGTERM");
        }

        final StringWriter out = new StringWriter();
        final CommandLine cli = FirstcallCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        assertEquals(ExitCodes.OK, cli.execute("replay", "--data", data.toString()), out + "\n" + Files.readString(log));
        assertTrue(out.toString().startsWith("IDENTICAL"), out.toString());
    }

    /**
     * A source sends a demo request for a new lead of Ben's in us-west, over and over, without waiting
     * for answers, until about a second of acknowledgements has gone by; then SIGKILL.
     */
    private static void streamHotLeadsThenKill(final ServerProcess server, final String prefix) throws Exception
    {
        final AtomicLong acks = new AtomicLong();
        try (LineClient source = LineClient.connect(server.jsonPort()))
        {
            assertEquals("welcome", source.hello("acme", "acme-source-secret").get("type"));
            final Thread reader = new Thread(() ->
            {
                try
                {
                    while (null != source.readLine())
                    {
                        acks.incrementAndGet();
                    }
                }
                catch (final RuntimeException closed)
                {
                    // The server was killed.
                }
            });
            final Thread writer = new Thread(() ->
            {
                try
                {
                    for (int i = 0; ; i++)
                    {
                        source.send("{\"type\":\"lead\",\"id\":\"" + prefix + "-l" + i + "\",\"lead\":\"" + prefix + i +
                            "\",\"owner\":\"ben\",\"region\":\"us-west\"}");
                        source.send("{\"type\":\"form\",\"id\":\"" + prefix + "-f" + i + "\",\"lead\":\"" + prefix + i +
                            "\",\"form\":\"demo_request\"}");
                    }
                }
                catch (final RuntimeException closed)
                {
                    // The server was killed.
                }
            });
            reader.start();
            writer.start();

            Conditions.await("the stream to be acknowledged", () -> acks.get() > 0, 30_000);
            final long streamingSinceNs = System.nanoTime();
            Conditions.await("a second of the stream", () ->
                System.nanoTime() - streamingSinceNs >= TimeUnit.SECONDS.toNanos(1), 30_000);
            server.killHard();
            writer.join(TimeUnit.SECONDS.toMillis(30));
            reader.join(TimeUnit.SECONDS.toMillis(30));
            assertTrue(acks.get() > 100, "acknowledged before the kill: " + acks.get());
        }
    }

    private static Map<String, Object> nextAlert(final LineClient rep, final ServerProcess server)
    {
        for (int i = 0; i < 20; i++)
        {
            final Map<String, Object> push;
            try
            {
                push = rep.read();
            }
            catch (final RuntimeException | AssertionError ex)
            {
                throw new AssertionError("no alert for ana: " + ex + "\n" + server.log(), ex);
            }
            if ("alert".equals(push.get("type")))
            {
                return push;
            }
        }
        throw new AssertionError("no alert among ana's pushes\n" + server.log());
    }

    private static String get(final ServerProcess server, final String path) throws Exception
    {
        return HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path))
                .header("Authorization", "Bearer " + OPS_TOKEN).build(),
            HttpResponse.BodyHandlers.ofString()).body();
    }

    /**
     * @return the routing example of docs/configuration.md, exactly as documented.
     */
    private static String routingExample() throws IOException
    {
        final String doc = Files.readString(CONFIGURATION_DOC);
        int from = 0;
        while (true)
        {
            final int start = doc.indexOf("```yaml\n", from);
            if (start < 0)
            {
                throw new AssertionError("no routing example in " + CONFIGURATION_DOC);
            }
            final int end = doc.indexOf("```", start + 8);
            final String block = doc.substring(start + 8, end);
            if (block.contains("teams:") && block.contains("ana: ana-secret"))
            {
                return block;
            }
            from = end + 3;
        }
    }
}
