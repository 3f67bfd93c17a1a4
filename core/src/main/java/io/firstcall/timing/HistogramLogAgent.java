package io.firstcall.timing;

import org.HdrHistogram.Histogram;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.NanoClock;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Side agent that, every interval, takes each {@link LatencyStage}'s interval histogram, writes it to an
 * HdrHistogram interval log tagged with {@link LatencyStage#metricName()}, and adds it to a cumulative
 * histogram per stage.
 * <p>
 * The log ({@link IntervalLogFile}) is appended to across restarts and rolled by day or size. It is
 * readable by {@code HistogramLogReader}, {@code HistogramLogProcessor} (in the HdrHistogram jar,
 * {@code -tag receive_to_published}) and HistogramLogAnalyzer. Interval timestamps come from the
 * injected {@link EpochClock}; the schedule from the injected {@link NanoClock}, so tests drive both.
 * <p>
 * {@link #doWork()} and {@link #onClose()} run on the agent's thread; {@link #sample()} and
 * {@link #cumulative(LatencyStage)} may be called from any thread. They share one lock, which the
 * recording threads never take.
 */
public final class HistogramLogAgent implements Agent
{
    private final LatencyStage[] stages = LatencyStage.values();
    private final LatencyRecorders recorders;
    private final IntervalLogFile log;
    private final long intervalNs;
    private final NanoClock nanoClock;
    private final EpochClock epochClock;
    private final Histogram[] intervalHistograms;
    private final Histogram[] cumulativeHistograms;

    // Only touched by the agent thread.
    private long nextSampleDeadlineNs;

    // Guarded by this.
    private long intervalStartTimeMs;
    private boolean isClosed;

    /**
     * @param recorders the timers to sample.
     * @param log the interval log, opened; closed by {@link #onClose()}.
     * @param intervalNs how often to write an interval.
     * @param nanoClock schedules the intervals.
     * @param epochClock timestamps the intervals (ms since epoch); the same clock as the log's.
     *                   The first interval starts at the log's StartTime.
     */
    public HistogramLogAgent(
        final LatencyRecorders recorders,
        final IntervalLogFile log,
        final long intervalNs,
        final NanoClock nanoClock,
        final EpochClock epochClock)
    {
        if (intervalNs <= 0)
        {
            throw new IllegalArgumentException("intervalNs must be positive: " + intervalNs);
        }

        this.recorders = Objects.requireNonNull(recorders, "recorders");
        this.log = Objects.requireNonNull(log, "log");
        this.intervalNs = intervalNs;
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.epochClock = Objects.requireNonNull(epochClock, "epochClock");

        intervalHistograms = new Histogram[stages.length];
        cumulativeHistograms = new Histogram[stages.length];
        for (final LatencyStage stage : stages)
        {
            final Histogram cumulative = StageTimer.newHistogram();
            cumulative.setTag(stage.metricName());
            cumulativeHistograms[stage.ordinal()] = cumulative;
        }

        intervalStartTimeMs = log.startTimeMs();
        nextSampleDeadlineNs = nanoClock.nanoTime() + intervalNs;
    }

    /**
     * @return the number of histograms written: one per stage when the interval has elapsed, else 0.
     */
    public int doWork()
    {
        final long nowNs = nanoClock.nanoTime();
        if (nowNs - nextSampleDeadlineNs < 0)
        {
            return 0;
        }

        // Schedule from now rather than the old deadline: after a stall, write one interval, not a burst.
        nextSampleDeadlineNs = nowNs + intervalNs;

        return sample();
    }

    /**
     * End the current interval now: write every stage's histogram and add it to the cumulative ones.
     * Safe from any thread; does nothing once closed.
     *
     * @return the number of histograms written.
     */
    public synchronized int sample()
    {
        if (isClosed)
        {
            return 0;
        }

        final long endTimeMs = epochClock.time();
        log.beginInterval(intervalStartTimeMs, endTimeMs);
        for (final LatencyStage stage : stages)
        {
            final int index = stage.ordinal();
            final Histogram interval = recorders.timer(stage).intervalHistogram(intervalHistograms[index]);
            intervalHistograms[index] = interval;

            // The recorder stamps intervals with the system clock; use the injected one.
            interval.setStartTimeStamp(intervalStartTimeMs);
            interval.setEndTimeStamp(endTimeMs);
            interval.setTag(stage.metricName());

            log.write(interval);
            cumulativeHistograms[index].add(interval);
        }
        intervalStartTimeMs = endTimeMs;
        log.endInterval(endTimeMs);

        return stages.length;
    }

    /**
     * @param stage which stage.
     * @return a copy of everything recorded for the stage up to the last interval written, tagged with
     * the stage's metric name.
     */
    public synchronized Histogram cumulative(final LatencyStage stage)
    {
        final Histogram copy = cumulativeHistograms[stage.ordinal()].copy();
        // Histogram.copy() drops the tag.
        copy.setTag(stage.metricName());

        return copy;
    }

    /**
     * @return the current interval log file.
     */
    public Path logFile()
    {
        return log.file();
    }

    public String roleName()
    {
        return "firstcall-latency-log";
    }

    /**
     * Write a last interval so nothing recorded is lost, then close the log.
     */
    public synchronized void onClose()
    {
        if (!isClosed)
        {
            sample();
            isClosed = true;
            log.close();
        }
    }
}
