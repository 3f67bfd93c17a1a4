package io.firstcall.gateway.logging;

import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firstcall.gateway.cli.FirstcallCli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One log stream: the engine's System.Logger, SLF4J callers (Netty, Chronicle, the gateway) all reach
 * Logback's one appender, as text or as one JSON object per line.
 */
class LogSetupTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    @AfterEach
    void restore()
    {
        LogSetup.apply(LogFormat.TEXT);
    }

    @Test
    void shouldWriteOneJsonObjectPerLineForSlf4jAndSystemLoggerAlike() throws Exception
    {
        configure(LogFormat.JSON);

        LoggerFactory.getLogger("io.netty.test").warn("channel {} closed", 7);
        System.getLogger("firstcall").log(Level.ERROR, "engine failed", new IllegalStateException("boom"));
        LoggerFactory.getLogger("net.openhft.test").info("a file was mapped");

        final List<JsonNode> lines = jsonLines();
        assertEquals(2, lines.size(), "Chronicle's INFO is held back: " + lines);
        assertEquals("io.netty.test", lines.get(0).get("loggerName").asText());
        assertEquals("WARN", lines.get(0).get("level").asText());
        assertEquals("channel 7 closed", lines.get(0).get("formattedMessage").asText());
        assertTrue(lines.get(0).get("timestamp").asLong() > 0);

        final JsonNode systemLogger = lines.get(1);
        assertEquals("firstcall", systemLogger.get("loggerName").asText());
        assertEquals("ERROR", systemLogger.get("level").asText());
        assertEquals("engine failed", systemLogger.get("formattedMessage").asText());
        assertEquals("java.lang.IllegalStateException", systemLogger.get("throwable").get("className").asText());
        assertEquals("boom", systemLogger.get("throwable").get("message").asText());
    }

    @Test
    void shouldWriteTextLinesWithLevelLoggerAndMessage()
    {
        configure(LogFormat.TEXT);

        System.getLogger("firstcall").log(Level.WARNING, "disk nearly full");

        final String text = captured.toString(StandardCharsets.UTF_8);
        assertTrue(text.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[.+] WARN  firstcall - disk nearly full\\n"), text);
    }

    @Test
    void shouldSwitchToJsonWithTheLogFormatOptionOfAnyCommand() throws Exception
    {
        final PrintStream err = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try
        {
            FirstcallCli.commandLine().execute("stat", "--log-format", "json", "--data", dir.toString());
            System.getLogger("firstcall").log(Level.INFO, "switched");
        }
        finally
        {
            System.setErr(err);
        }

        final String[] lines = captured.toString(StandardCharsets.UTF_8).split("\n");
        final JsonNode last = JSON.readTree(lines[lines.length - 1]);
        assertEquals("switched", last.get("formattedMessage").asText(), String.join("\n", lines));
    }

    @Test
    void shouldRefuseAnUnknownFormatNamingTheOption()
    {
        final IllegalArgumentException ex = org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> LogFormat.parse("xml", "--log-format"));

        assertEquals("--log-format must be text or json: xml", ex.getMessage());
        assertEquals(LogFormat.JSON, LogFormat.parse(" JSON ", "x"));
    }

    private void configure(final LogFormat format)
    {
        final LoggerContext context = (LoggerContext)LoggerFactory.getILoggerFactory();
        context.reset();
        LogSetup.configure(context, format, captured);
    }

    private List<JsonNode> jsonLines() throws Exception
    {
        final List<JsonNode> lines = new ArrayList<>();
        for (final String line : captured.toString(StandardCharsets.UTF_8).split("\n"))
        {
            assertFalse(line.isBlank(), "no blank lines");
            final JsonNode node = JSON.readTree(line);
            assertTrue(node.isObject(), line);
            lines.add(node);
        }
        return lines;
    }
}
