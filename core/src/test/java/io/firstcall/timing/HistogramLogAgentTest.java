package io.firstcall.timing;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.agrona.concurrent.CachedEpochClock;
import org.agrona.concurrent.CachedNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistogramLogAgentTest
{
    private static final long START_TIME_MS = 1_700_000_000_000L;
    private static final long INTERVAL_NS = TimeUnit.SECONDS.toNanos(1);
    private static final int STAGE_COUNT = LatencyStage.values().length;

    @TempDir
    Path dir;

    private final CachedNanoClock nanoClock = new CachedNanoClock();
    private final CachedEpochClock epochClock = new CachedEpochClock();
    private final List<Throwable> errors = new ArrayList<>();
    private final LatencyRecorders recorders = new LatencyRecorders();
    private Path logFile;
    private HistogramLogAgent agent;

    @BeforeEach
    void before()
    {
        nanoClock.update(5_000_000_000L);
        epochClock.update(START_TIME_MS);
        logFile = dir.resolve("data/latency.hlog");
        final IntervalLogFile log = new IntervalLogFile(logFile, new LogRolling("daily", 1 << 20, 3), epochClock, errors::add);
        agent = new HistogramLogAgent(recorders, log, INTERVAL_NS, nanoClock, epochClock);
    }

    @AfterEach
    void after()
    {
        agent.onClose();
        assertEquals(List.of(), errors);
    }

    @Test
    void shouldDoNoWorkBeforeTheIntervalElapses()
    {
        recorders.timer(LatencyStage.RECEIVE_TO_JOURNALED).record(100);
        nanoClock.advance(INTERVAL_NS - 1);

        assertEquals(0, agent.doWork());
        assertEquals(0, agent.cumulative(LatencyStage.RECEIVE_TO_JOURNALED).getTotalCount());
    }

    @Test
    void shouldWriteTaggedIntervalsThatHistogramLogReaderReadsBack() throws IOException
    {
        recorders.timer(LatencyStage.RECEIVE_TO_JOURNALED).record(1_000);
        recorders.timer(LatencyStage.RECEIVE_TO_JOURNALED).record(2_000);
        recorders.timer(LatencyStage.RECEIVE_TO_PUBLISHED).record(50_000);
        advance(1);
        assertEquals(STAGE_COUNT, agent.doWork());

        recorders.timer(LatencyStage.JOURNALED_TO_DECIDED).record(300);
        recorders.timer(LatencyStage.RECEIVE_TO_PUBLISHED).record(60_000);
        recorders.timer(LatencyStage.RECEIVE_TO_PUBLISHED).record(70_000);
        advance(1);
        assertEquals(STAGE_COUNT, agent.doWork());
        assertEquals(0, agent.doWork(), "nothing more until the next interval");

        agent.onClose();

        final List<Histogram> intervals = readLog();
        assertEquals(3 * STAGE_COUNT, intervals.size(), "two intervals and the final one written on close");

        for (int i = 0; i < intervals.size(); i++)
        {
            assertEquals(LatencyStage.values()[i % STAGE_COUNT].metricName(), intervals.get(i).getTag());
        }

        assertEquals(2, intervals.get(LatencyStage.RECEIVE_TO_JOURNALED.ordinal()).getTotalCount());
        assertEquals(0, intervals.get(LatencyStage.JOURNALED_TO_DECIDED.ordinal()).getTotalCount());
        assertEquals(1, intervals.get(LatencyStage.RECEIVE_TO_PUBLISHED.ordinal()).getTotalCount());
        assertEquals(1, intervals.get(STAGE_COUNT + LatencyStage.JOURNALED_TO_DECIDED.ordinal()).getTotalCount());
        assertEquals(2, intervals.get(STAGE_COUNT + LatencyStage.RECEIVE_TO_PUBLISHED.ordinal()).getTotalCount());
        assertEquals(0, intervals.get(2 * STAGE_COUNT + LatencyStage.RECEIVE_TO_PUBLISHED.ordinal()).getTotalCount());

        final Histogram first = intervals.get(LatencyStage.RECEIVE_TO_PUBLISHED.ordinal());
        assertTrue(first.valuesAreEquivalent(50_000, first.getMaxValue()));
        assertTimestampMs(START_TIME_MS, first.getStartTimeStamp());
        assertTimestampMs(START_TIME_MS + 1_000, first.getEndTimeStamp());
        final Histogram second = intervals.get(STAGE_COUNT);
        assertTimestampMs(START_TIME_MS + 1_000, second.getStartTimeStamp());
        assertTimestampMs(START_TIME_MS + 2_000, second.getEndTimeStamp());
    }

    @Test
    void shouldWriteStartTimeAndLegendAtStart() throws IOException
    {
        final String log = Files.readString(logFile);

        assertTrue(log.contains("#[StartTime: 1700000000.000"), log);
        assertTrue(log.contains("#[BaseTime: 1700000000.000"), log);
        assertTrue(log.contains("\"StartTimestamp\",\"Interval_Length\",\"Interval_Max\",\"Interval_Compressed_Histogram\""),
            log);
    }

    @Test
    void shouldKeepCumulativeHistogramsAcrossIntervals()
    {
        final StageTimer timer = recorders.timer(LatencyStage.DECIDED_TO_PUBLISHED);
        timer.record(10);
        advance(1);
        agent.doWork();
        timer.record(20);
        timer.record(30);
        advance(1);
        agent.doWork();

        final Histogram cumulative = agent.cumulative(LatencyStage.DECIDED_TO_PUBLISHED);
        assertEquals(3, cumulative.getTotalCount());
        assertEquals(10, cumulative.getMinValue());
        assertEquals(30, cumulative.getMaxValue());
        assertEquals(LatencyStage.DECIDED_TO_PUBLISHED.metricName(), cumulative.getTag());
        assertEquals(0, agent.cumulative(LatencyStage.RECEIVE_TO_JOURNALED).getTotalCount());

        cumulative.reset();
        assertEquals(3, agent.cumulative(LatencyStage.DECIDED_TO_PUBLISHED).getTotalCount(), "a copy is returned");
    }

    @Test
    void shouldSampleOnDemandWithoutWaitingForTheInterval() throws IOException
    {
        recorders.timer(LatencyStage.RECEIVE_TO_PUBLISHED).record(123);

        assertEquals(STAGE_COUNT, agent.sample());

        assertEquals(1, agent.cumulative(LatencyStage.RECEIVE_TO_PUBLISHED).getTotalCount());
        assertEquals(STAGE_COUNT, readLog().size(), "written and flushed before close");
    }

    @Test
    void shouldWriteRemainingDurationsOnCloseAndStopAfterwards() throws IOException
    {
        recorders.timer(LatencyStage.RECEIVE_TO_JOURNALED).record(7);

        agent.onClose();
        agent.onClose();

        assertEquals(0, agent.sample());
        final List<Histogram> intervals = readLog();
        assertEquals(STAGE_COUNT, intervals.size());
        assertEquals(1, intervals.get(LatencyStage.RECEIVE_TO_JOURNALED.ordinal()).getTotalCount());
        assertEquals(1, agent.cumulative(LatencyStage.RECEIVE_TO_JOURNALED).getTotalCount());
    }

    private void advance(final long seconds)
    {
        nanoClock.advance(TimeUnit.SECONDS.toNanos(seconds));
        epochClock.advance(TimeUnit.SECONDS.toMillis(seconds));
    }

    private List<Histogram> readLog() throws IOException
    {
        final List<Histogram> intervals = new ArrayList<>();
        final HistogramLogReader reader = new HistogramLogReader(logFile.toFile());
        try
        {
            EncodableHistogram histogram;
            while (null != (histogram = reader.nextIntervalHistogram()))
            {
                intervals.add((Histogram)histogram);
            }
            assertNull(reader.nextIntervalHistogram());
        }
        finally
        {
            reader.close();
        }

        return intervals;
    }

    private static void assertTimestampMs(final long expectedMs, final long actualMs)
    {
        // The log stores seconds with three decimals as a double, so allow a millisecond of rounding.
        assertTrue(Math.abs(expectedMs - actualMs) <= 1, () -> "expected " + expectedMs + " but was " + actualMs);
    }
}
