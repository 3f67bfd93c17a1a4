package io.firstcall.gateway;

import io.firstcall.Engine;
import io.firstcall.gateway.support.GatewayFixture;
import io.firstcall.gateway.support.LineClient;
import org.HdrHistogram.HistogramLogProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HdrHistogram's own HistogramLogProcessor reads a real server's latency.hlog, with the tag the docs
 * give, and a restarted server's log still holds the intervals written before the restart.
 */
class LatencyLogSystemTest
{
    private static final Pattern TOTAL_COUNT = Pattern.compile("Total count\\s*=\\s*(\\d+)]");
    private static final Pattern PERCENTILE_ROW = Pattern.compile(
        "^\\s*\\d+\\.\\d+\\s+0\\.500000000000\\s+\\d+\\s+\\d+\\.\\d+\\s*$", Pattern.MULTILINE);

    @TempDir
    Path dataDir;

    @TempDir
    Path outDir;

    @Test
    void shouldPrintPercentilesOfEveryRunWithHistogramLogProcessorAfterARestart() throws Exception
    {
        run("first", 5);
        final long firstRun = totalCount(process("first"));
        assertTrue(firstRun >= 5, "the first run's events: " + firstRun);

        run("second", 7);
        final String report = process("second");

        assertEquals(firstRun + 7, totalCount(report), "the first run's intervals are still in the log");
        assertTrue(PERCENTILE_ROW.matcher(report).find(), "a median row:\n" + report);
        assertTrue(report.contains("#[Mean    ="), report);
    }

    private void run(final String name, final int events)
    {
        try (GatewayFixture fixture = new GatewayFixture(dataDir).launch(); LineClient source = fixture.acmeSource())
        {
            for (int i = 0; i < events; i++)
            {
                source.send("{\"type\":\"visit\",\"id\":\"" + name + i + "\",\"lead\":\"L" + i + "\",\"page\":\"/pricing\"}");
            }
            for (int i = 0; i < events; i++)
            {
                assertEquals("ack", source.read().get("type"));
            }
        }
    }

    /**
     * {@code HistogramLogProcessor -i data/latency.hlog -tag receive_to_published -o out}, as in the docs.
     *
     * @return the percentile distribution it wrote ({@code out.hgrm}).
     */
    private String process(final String name) throws Exception
    {
        final Path out = outDir.resolve(name);
        final HistogramLogProcessor processor = new HistogramLogProcessor(new String[]{
            "-i", dataDir.resolve(Engine.LATENCY_LOG).toString(), "-tag", "receive_to_published", "-o", out.toString() });
        processor.run();

        return Files.readString(outDir.resolve(name + ".hgrm"));
    }

    private static long totalCount(final String report)
    {
        final Matcher matcher = TOTAL_COUNT.matcher(report);
        assertTrue(matcher.find(), report);
        return Long.parseLong(matcher.group(1));
    }
}
