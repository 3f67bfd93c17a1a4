package io.firstcall.timing;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.NanoClock;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Side agent that, every interval, takes each {@link LatencyStage}'s interval histogram, writes it to an
 * HdrHistogram interval log tagged with {@link LatencyStage#metricName()}, and adds it to a cumulative
 * histogram per stage.
 * <p>
 * The log is readable by {@code HistogramLogReader}, {@code HistogramLogProcessor} (in the HdrHistogram
 * jar, {@code -tag receive_to_published}) and HistogramLogAnalyzer. Interval timestamps come from the
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
    private final Path logFile;
    private final long intervalNs;
    private final NanoClock nanoClock;
    private final EpochClock epochClock;
    private final ErrorHandler errorHandler;
    private final PrintStream logStream;
    private final HistogramLogWriter logWriter;
    private final Histogram[] intervalHistograms;
    private final Histogram[] cumulativeHistograms;

    // Only touched by the agent thread.
    private long nextSampleDeadlineNs;

    // Guarded by this.
    private long intervalStartTimeMs;
    private boolean isWriteFailureReported;
    private boolean isClosed;

    /**
     * Create the log file (replacing any old one) and write its header: format version, start time,
     * base time and legend.
     *
     * @param recorders the timers to sample.
     * @param logFile the interval log, e.g. {@code dataDir/latency.hlog}.
     * @param intervalNs how often to write an interval.
     * @param nanoClock schedules the intervals.
     * @param epochClock timestamps the log (ms since epoch).
     * @param errorHandler told once if writing the log fails; the agent carries on.
     */
    public HistogramLogAgent(
        final LatencyRecorders recorders,
        final Path logFile,
        final long intervalNs,
        final NanoClock nanoClock,
        final EpochClock epochClock,
        final ErrorHandler errorHandler)
    {
        if (intervalNs <= 0)
        {
            throw new IllegalArgumentException("intervalNs must be positive: " + intervalNs);
        }

        this.recorders = Objects.requireNonNull(recorders, "recorders");
        this.logFile = Objects.requireNonNull(logFile, "logFile");
        this.intervalNs = intervalNs;
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.epochClock = Objects.requireNonNull(epochClock, "epochClock");
        this.errorHandler = Objects.requireNonNull(errorHandler, "errorHandler");

        intervalHistograms = new Histogram[stages.length];
        cumulativeHistograms = new Histogram[stages.length];
        for (final LatencyStage stage : stages)
        {
            final Histogram cumulative = StageTimer.newHistogram();
            cumulative.setTag(stage.metricName());
            cumulativeHistograms[stage.ordinal()] = cumulative;
        }

        logStream = openLog(logFile);
        logWriter = new HistogramLogWriter(logStream);

        final long startTimeMs = epochClock.time();
        logWriter.outputLogFormatVersion();
        logWriter.outputComment("firstcall stage latencies in ns, tagged by stage");
        logWriter.outputStartTime(startTimeMs);
        logWriter.setBaseTime(startTimeMs);
        logWriter.outputBaseTime(startTimeMs);
        logWriter.outputLegend();
        logStream.flush();

        intervalStartTimeMs = startTimeMs;
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
        for (final LatencyStage stage : stages)
        {
            final int index = stage.ordinal();
            final Histogram interval = recorders.timer(stage).intervalHistogram(intervalHistograms[index]);
            intervalHistograms[index] = interval;

            // The recorder stamps intervals with the system clock; use the injected one.
            interval.setStartTimeStamp(intervalStartTimeMs);
            interval.setEndTimeStamp(endTimeMs);
            interval.setTag(stage.metricName());

            logWriter.outputIntervalHistogram(interval);
            cumulativeHistograms[index].add(interval);
        }
        intervalStartTimeMs = endTimeMs;

        logStream.flush();
        checkWriteFailure();

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
     * @return the interval log file.
     */
    public Path logFile()
    {
        return logFile;
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
            logWriter.close();
            checkWriteFailure();
        }
    }

    private void checkWriteFailure()
    {
        // PrintStream swallows IOExceptions: ask for them so a full disk is reported once, not ignored.
        if (logStream.checkError() && !isWriteFailureReported)
        {
            isWriteFailureReported = true;
            errorHandler.onError(new IOException("failed to write latency log " + logFile));
        }
    }

    private static PrintStream openLog(final Path logFile)
    {
        try
        {
            final Path parent = logFile.toAbsolutePath().getParent();
            if (null != parent)
            {
                Files.createDirectories(parent);
            }

            return new PrintStream(
                new BufferedOutputStream(Files.newOutputStream(
                    logFile, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)),
                false,
                StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create latency log " + logFile, ex);
        }
    }
}
