package io.firstcall.timing;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Latency of one {@link LatencyStage}, recorded on the one thread that owns the stage and read as
 * interval histograms by another (the {@link HistogramLogAgent}).
 * <p>
 * {@link #record(long)} never throws and never allocates: out of range durations are clamped rather
 * than dropped, so a clock step shows up in the histogram's min or max instead of vanishing.
 */
public final class StageTimer
{
    /**
     * Longest duration kept as is; longer ones are recorded as this.
     */
    public static final long MAX_DURATION_NS = TimeUnit.HOURS.toNanos(1);

    /**
     * Precision of recorded values: 0.1% error.
     */
    public static final int SIGNIFICANT_DIGITS = 3;

    private final LatencyStage stage;
    private final SingleWriterRecorder recorder = new SingleWriterRecorder(1, MAX_DURATION_NS, SIGNIFICANT_DIGITS);

    /**
     * @param stage the stage this timer measures.
     */
    public StageTimer(final LatencyStage stage)
    {
        this.stage = Objects.requireNonNull(stage, "stage");
    }

    /**
     * @return the stage this timer measures.
     */
    public LatencyStage stage()
    {
        return stage;
    }

    /**
     * Record one duration. Call only from the stage's single writing thread.
     *
     * @param durationNs the duration; negatives count as 0, values above {@link #MAX_DURATION_NS} as the max.
     */
    public void record(final long durationNs)
    {
        final long clampedNs = durationNs < 0 ? 0 : Math.min(durationNs, MAX_DURATION_NS);
        recorder.recordValue(clampedNs);
    }

    /**
     * Take the durations recorded since the last call. For one reader thread at a time.
     *
     * @param recycle the histogram returned by the previous call on this timer, or null on the first.
     * @return the interval histogram, with start and end timestamps set from the wall clock.
     */
    public Histogram intervalHistogram(final Histogram recycle)
    {
        return recorder.getIntervalHistogram(recycle);
    }

    /**
     * @return an empty histogram with the same range and precision as the interval histograms.
     */
    public static Histogram newHistogram()
    {
        return new Histogram(1, MAX_DURATION_NS, SIGNIFICANT_DIGITS);
    }
}
