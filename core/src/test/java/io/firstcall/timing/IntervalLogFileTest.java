package io.firstcall.timing;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.agrona.concurrent.CachedEpochClock;
import org.agrona.concurrent.CachedNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntervalLogFileTest
{
    /** 2023-11-14T22:13:20Z. */
    private static final long START_TIME_MS = 1_700_000_000_000L;
    private static final long MIDNIGHT_MS = 1_700_006_400_000L;
    private static final int STAGE_COUNT = LatencyStage.values().length;

    @TempDir
    Path dir;

    private final CachedNanoClock nanoClock = new CachedNanoClock();
    private final CachedEpochClock epochClock = new CachedEpochClock();
    private final List<Throwable> errors = new ArrayList<>();
    private final LatencyRecorders recorders = new LatencyRecorders();

    @AfterEach
    void after()
    {
        assertEquals(List.of(), errors);
    }

    @Test
    void shouldAppendAcrossRestartsSoEveryIntervalReadsBackAtItsTime() throws IOException
    {
        epochClock.update(START_TIME_MS);
        HistogramLogAgent agent = agent(new LogRolling("daily", 1 << 20, 3));
        record(3);
        advance(1);
        agent.doWork();
        agent.onClose();
        // The file's own time says when it was last written; the test's clock stands in for the system's.
        Files.setLastModifiedTime(latencyLog(), FileTime.fromMillis(epochClock.time()));

        epochClock.update(START_TIME_MS + 60_000);
        agent = agent(new LogRolling("daily", 1 << 20, 3));
        record(5);
        advance(1);
        agent.doWork();
        agent.onClose();

        final List<Histogram> intervals = read(latencyLog());
        assertEquals(4 * STAGE_COUNT, intervals.size(), "each run's interval and its last one on close");
        final List<Histogram> published = tagged(intervals, LatencyStage.RECEIVE_TO_PUBLISHED);
        assertEquals(List.of(3L, 0L, 5L, 0L), counts(published));
        assertTimestampMs(START_TIME_MS, published.get(0).getStartTimeStamp());
        assertTimestampMs(START_TIME_MS + 60_000, published.get(2).getStartTimeStamp());
        assertEquals(List.of(latencyLog()), files(), "nothing rolled within a day");
    }

    @Test
    void shouldRollAtTheFirstIntervalOfEachUtcDay() throws IOException
    {
        epochClock.update(MIDNIGHT_MS - 1_500);
        final HistogramLogAgent agent = agent(new LogRolling("daily", 1 << 20, 3));
        record(2);
        advance(1);
        agent.doWork();
        record(7);
        advance(1);
        agent.doWork();
        agent.onClose();

        final Path rolled = dir.resolve("latency-20231115T000000500Z.hlog");
        assertEquals(List.of(rolled, latencyLog()), files());
        assertEquals(List.of(2L), counts(tagged(read(rolled), LatencyStage.RECEIVE_TO_PUBLISHED)));
        final List<Histogram> today = tagged(read(latencyLog()), LatencyStage.RECEIVE_TO_PUBLISHED);
        assertEquals(List.of(7L, 0L), counts(today), "the interval that crossed midnight, then the last one");
        assertTimestampMs(MIDNIGHT_MS - 500, today.get(0).getStartTimeStamp());
    }

    @Test
    void shouldRollBySizeAndKeepOnlyTheNewestRolledFiles() throws IOException
    {
        epochClock.update(START_TIME_MS);
        final HistogramLogAgent agent = agent(new LogRolling("size", 1024, 2));
        long recorded = 0;
        for (int i = 0; i < 40; i++)
        {
            record(i + 1);
            recorded += i + 1;
            advance(1);
            agent.doWork();
        }
        agent.onClose();

        final List<Path> files = files();
        assertEquals(3, files.size(), "two rolled files and the current one: " + files);
        assertEquals(latencyLog(), files.get(2));
        long kept = 0;
        for (final Path file : files)
        {
            assertTrue(Files.size(file) < 1024 + 1024, file + " is near its limit: " + Files.size(file));
            kept += counts(tagged(read(file), LatencyStage.RECEIVE_TO_PUBLISHED)).stream().mapToLong(Long::longValue).sum();
        }
        assertTrue(kept > 0 && kept < recorded, "older intervals were deleted: kept " + kept + " of " + recorded);
    }

    @Test
    void shouldRollALogLeftFromAnEarlierDayOnStart() throws IOException
    {
        epochClock.update(START_TIME_MS);
        agent(new LogRolling("daily", 1 << 20, 3)).onClose();
        Files.setLastModifiedTime(latencyLog(), FileTime.fromMillis(START_TIME_MS));

        epochClock.update(MIDNIGHT_MS + 10_000);
        agent(new LogRolling("daily", 1 << 20, 3)).onClose();

        assertEquals(List.of(dir.resolve("latency-20231115T000010000Z.hlog"), latencyLog()), files());
    }

    private HistogramLogAgent agent(final LogRolling rolling)
    {
        nanoClock.update(TimeUnit.MILLISECONDS.toNanos(epochClock.time()));
        final IntervalLogFile log = new IntervalLogFile(latencyLog(), rolling, epochClock, errors::add);
        return new HistogramLogAgent(recorders, log, TimeUnit.SECONDS.toNanos(1), nanoClock, epochClock);
    }

    private void record(final int count)
    {
        for (int i = 0; i < count; i++)
        {
            recorders.timer(LatencyStage.RECEIVE_TO_PUBLISHED).record(1_000 + i);
        }
    }

    private void advance(final long seconds)
    {
        nanoClock.advance(TimeUnit.SECONDS.toNanos(seconds));
        epochClock.advance(TimeUnit.SECONDS.toMillis(seconds));
    }

    private Path latencyLog()
    {
        return dir.resolve("latency.hlog");
    }

    private List<Path> files() throws IOException
    {
        try (Stream<Path> files = Files.list(dir))
        {
            return files.sorted().collect(Collectors.toList());
        }
    }

    /**
     * Read as HistogramLogProcessor does: offsets from the latest StartTime, from 0 on, so an interval
     * placed before its file's StartTime would be skipped.
     */
    private static List<Histogram> read(final Path file) throws FileNotFoundException
    {
        final List<Histogram> intervals = new ArrayList<>();
        final HistogramLogReader reader = new HistogramLogReader(file.toFile());
        try
        {
            EncodableHistogram histogram;
            while (null != (histogram = reader.nextIntervalHistogram(0.0, Double.MAX_VALUE)))
            {
                intervals.add((Histogram)histogram);
            }
        }
        finally
        {
            reader.close();
        }
        return intervals;
    }

    private static List<Histogram> tagged(final List<Histogram> intervals, final LatencyStage stage)
    {
        return intervals.stream().filter(h -> stage.metricName().equals(h.getTag())).collect(Collectors.toList());
    }

    private static List<Long> counts(final List<Histogram> intervals)
    {
        return intervals.stream().map(Histogram::getTotalCount).collect(Collectors.toList());
    }

    private static void assertTimestampMs(final long expectedMs, final long actualMs)
    {
        assertTrue(Math.abs(expectedMs - actualMs) <= 1, () -> "expected " + expectedMs + " but was " + actualMs);
    }
}
