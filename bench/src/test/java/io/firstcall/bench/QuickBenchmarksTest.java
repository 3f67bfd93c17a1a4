package io.firstcall.bench;

import io.firstcall.bench.load.LatencySummary;
import io.firstcall.bench.load.LoadOptions;
import io.firstcall.bench.load.LoadReport;
import io.firstcall.bench.load.LoadTest;
import io.firstcall.bench.load.PingPong;
import io.firstcall.bench.load.RateResult;
import io.firstcall.journal.RecordHeader;
import io.firstcall.pipeline.ArrayBlockingQueueBaseline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every part of {@code bench/run.sh} at a tiny size so none of them can rot: each must
 * produce every figure it reports, and print every line of {@code bench/figures.tsv} that the
 * script's summary is checked against. Nothing here asserts how fast anything is.
 */
class QuickBenchmarksTest
{
    private static final Path FIGURES = Paths.get("figures.tsv");

    @Test
    void shouldMeasurePipelineRawChronicleAndArrayBlockingQueueBaseline() throws Exception
    {
        final EventMix mix = new EventMix(4096, 1000, 7);
        final int events = 20_000;

        assertPositive(PipelineThroughput.pipelineEventsPerSecond(mix, events), "pipeline events/s");
        assertPositive(PipelineThroughput.rawChronicleAppendsPerSecond(mix.averageLength() + RecordHeader.LENGTH, events),
            "raw Chronicle appends/s");
        assertPositive(ArrayBlockingQueueBaseline.eventsPerSecond(mix, events), "ArrayBlockingQueue pipeline events/s");

        assertPrintsEveryFigure("pipeline", printedBy(() -> PipelineThroughput.main(new String[]{"20000", "1"})));
    }

    @Test
    void shouldMeasureRecoveryAndReplayOfAJournal(@TempDir final Path dataDir) throws Exception
    {
        final int events = 20_000;
        RecoveryBenchmark.writeJournal(dataDir, events);

        final RecoveryBenchmark.Result result = RecoveryBenchmark.recover(dataDir);

        // The tenant's configuration change is journaled before the events.
        assertEquals(events + 1, result.recoveredEvents());
        assertEquals(events + 1, result.replayedEvents());
        assertTrue(result.identical(), "replay reproduces the recorded outputs");
        assertPositive(result.recoveryEventsPerSecond(), "recovery events/s");
        assertPositive(result.replayEventsPerSecond(), "replay events/s");

        assertPrintsEveryFigure("recovery", printedBy(() -> RecoveryBenchmark.print(result, "same JVM")));
    }

    @Test
    void shouldMeasureReportAndBacktestOnAJournal(@TempDir final Path dataDir) throws Exception
    {
        RecoveryBenchmark.writeJournal(dataDir, 20_000);
        assertPrintsEveryFigure("audit", printedBy(() -> AuditBenchmark.run(dataDir)));
    }

    @Test
    void shouldRestartFromTheShutdownSnapshotAndTakeANewEvent(@TempDir final Path dataDir)
    {
        final int events = 5_000;
        RecoveryBenchmark.writeJournal(SnapshotRestart.context(dataDir), events);

        final SnapshotRestart.Restart restart = SnapshotRestart.restart(dataDir);

        // Sequences 0..events: the tenant's configuration change, then the events.
        assertEquals(events, restart.loadedSequence, "the shutdown snapshot stands after the last event");
        assertEquals(0, restart.recoveredEvents);
        assertPositive(restart.firstAckNs, "first new event acked");
    }

    @Test
    void shouldMeasureTheLoopbackPingPongFloor() throws Exception
    {
        final LatencySummary floor = PingPong.measure(100, 200, 1000);

        assertEquals(1000, floor.count());
        assertLatencies(floor);
    }

    @Test
    void shouldMeasureEndToEndLatencyPerRateAndTheMaximumSustainedRateForBothProtocols() throws Exception
    {
        // A generous p99 bound: this test checks that every figure is produced, not how fast.
        final LoadOptions options = new LoadOptions()
            .rates(200, 1000)
            .seconds(0.5)
            .warmupRate(1000)
            .warmupSeconds(0.5)
            .searchTrials(1)
            .searchSeconds(0.5)
            .searchMaxRate(2000)
            .p99BoundNs(TimeUnit.SECONDS.toNanos(10))
            .pingPongCount(1000);
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();

        final LoadReport report = LoadTest.run(options, new PrintStream(printed, true, StandardCharsets.UTF_8));
        report.print(new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertEquals(2, report.protocols().size());
        for (final LoadReport.Protocol protocol : report.protocols())
        {
            assertPositive(protocol.messageBytes(), protocol.name() + " message bytes");
            assertLatencies(protocol.floor());
            assertEquals(2, protocol.fixed().size());
            for (final RateResult result : protocol.fixed())
            {
                assertTrue(result.sent() > 0 && result.hotSent() > 0, result.toString());
                assertEquals(result.sent(), result.acked(), result.toString());
                assertEquals(result.hotSent(), result.alerts(), result.toString());
                assertPositive(result.ackRate(), "ack rate");
                assertEquals(result.hotSent(), result.latency().count(), result.toString());
                assertLatencies(result.latency());
                assertNotNull(result.sendLag());
                assertNotNull(result.engine(), "the in-process engine's stage latency");
                assertLatencies(result.engine());
            }
            assertFalse(protocol.search().isEmpty(), "the maximum-rate search ran");
            assertPositive(protocol.maxSustainedRate(), protocol.name() + " max sustained rate");
            assertPositive(protocol.maxKeptUpRate(), protocol.name() + " max kept-up rate");
        }
        final String text = printed.toString(StandardCharsets.UTF_8);
        assertPrintsEveryFigure("loadgen", text);
    }

    @Test
    void shouldRunEveryJmhSuiteWithTheGcProfiler(@TempDir final Path dir) throws Exception
    {
        final Path output = dir.resolve("jmh.txt");
        // In-process (no fork) and a few hundred milliseconds each: enough to produce every figure.
        final Collection<RunResult> results = new Runner(new OptionsBuilder()
            .include("io\\.firstcall\\.bench\\..*Benchmark")
            .forks(0)
            .warmupIterations(1)
            .warmupTime(TimeValue.milliseconds(100))
            .measurementIterations(1)
            .measurementTime(TimeValue.milliseconds(200))
            .addProfiler(GCProfiler.class)
            .shouldFailOnError(true)
            .output(output.toString())
            .build()).run();

        assertTrue(results.size() >= 9, "every benchmark ran: " + results.size());
        for (final RunResult run : results)
        {
            final BenchmarkResult aggregate = run.getAggregatedResult();
            final String name = run.getParams().getBenchmark() + run.getParams().getParamsKeys();
            assertPositive(aggregate.getPrimaryResult().getScore(), name + " ns/op");
            final Result<?> allocated = aggregate.getSecondaryResults().get("gc.alloc.rate.norm");
            assertNotNull(allocated, name + " reports gc.alloc.rate.norm");
            assertTrue(allocated.getScore() >= 0, name + " B/op");
        }
        assertPrintsEveryFigure("jmh", Files.readString(output));
    }

    /**
     * Every pattern of {@code bench/figures.tsv} for this part must match a line of what it printed.
     */
    private static void assertPrintsEveryFigure(final String part, final String printed) throws IOException
    {
        int patterns = 0;
        for (final String line : Files.readAllLines(FIGURES))
        {
            final String[] columns = line.split("\t");
            if (line.startsWith("#") || columns.length < 4 || !columns[0].equals(part))
            {
                continue;
            }
            patterns++;
            assertTrue(Pattern.compile(columns[2], Pattern.MULTILINE).matcher(printed).find(),
                part + " did not print " + columns[3] + " (" + columns[2] + "):\n" + printed);
        }
        assertTrue(patterns > 0, "no figure of " + part + " in " + FIGURES.toAbsolutePath());
    }

    private static String printedBy(final Action action) throws Exception
    {
        final PrintStream original = System.out;
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try
        {
            action.run();
        }
        finally
        {
            System.setOut(original);
        }
        final String text = printed.toString(StandardCharsets.UTF_8);
        original.print(text);
        return text;
    }

    @FunctionalInterface
    private interface Action
    {
        void run() throws Exception;
    }

    private static void assertLatencies(final LatencySummary summary)
    {
        assertTrue(summary.count() > 0, "count");
        assertTrue(summary.p50Ns() > 0 && summary.p90Ns() > 0 && summary.p99Ns() > 0 && summary.p999Ns() > 0 &&
            summary.p9999Ns() > 0 && summary.maxNs() > 0, summary.toString());
    }

    private static void assertPositive(final double value, final String figure)
    {
        assertTrue(value > 0 && !Double.isInfinite(value) && !Double.isNaN(value), figure + " = " + value);
    }
}
