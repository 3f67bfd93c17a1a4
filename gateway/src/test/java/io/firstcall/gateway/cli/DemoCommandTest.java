package io.firstcall.gateway.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo end to end on loopback: the real server on the embedded default rules (ephemeral ports),
 * the simulated lead stream and rep clients, the per-second summary; then the journal it left
 * replays identically.
 */
class DemoCommandTest
{
    @TempDir
    Path dir;

    @Test
    void shouldRunTheDemoAndLeaveAJournalThatReplaysIdentically() throws IOException
    {
        final Path config = dir.resolve("demo.yaml");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("firstcall-default.yaml"))
        {
            final String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                .replace("jsonPort: 7070", "jsonPort: 0")
                .replace("sbePort: 7071", "sbePort: 0")
                .replace("httpPort: 8080", "httpPort: 0");
            Files.writeString(config, yaml);
        }
        final Path data = dir.resolve("data");

        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exit = execute(out, err,
            "demo", "--config", config.toString(), "--data", data.toString(), "--rate", "100", "--duration", "3");

        assertEquals(ExitCodes.OK, exit, out + "\n" + err);
        assertTrue(out.toString().contains("events/s="), out.toString());
        assertTrue(out.toString().contains("alerts="), out.toString());

        final StringWriter replayOut = new StringWriter();
        assertEquals(ExitCodes.OK, execute(replayOut, new StringWriter(), "replay", "--data", data.toString()),
            replayOut.toString());
        assertTrue(replayOut.toString().contains("IDENTICAL"), replayOut.toString());
    }

    private static int execute(final StringWriter out, final StringWriter err, final String... args)
    {
        final CommandLine commandLine = FirstcallCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
