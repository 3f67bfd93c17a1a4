package io.firstcall.timing;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.EpochClock;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The HdrHistogram interval log on disk, e.g. {@code data/latency.hlog}: appended to, never truncated,
 * and rolled by {@link LogRolling}. A roll renames the file to
 * {@code latency-<yyyyMMdd'T'HHmmssSSS'Z'>.hlog} (the UTC time of the roll, so names sort in time order)
 * and deletes the oldest rolled files beyond {@link LogRolling#keep()}.
 * <p>
 * Every open (at start, after a restart, after a roll) writes a header: format version, a comment,
 * {@code #[StartTime: ...]}, {@code #[BaseTime: ...]} and the legend. HdrHistogram's
 * {@code HistogramLogReader} takes the latest StartTime and BaseTime it has read, so a file that a
 * restarted process appended to reads back whole, every interval at its true time. Each rolled file
 * stands on its own.
 * <p>
 * Single-threaded: the caller (the {@link HistogramLogAgent}) serialises all calls.
 */
public final class IntervalLogFile implements AutoCloseable
{
    static final String SUFFIX = ".hlog";
    private static final DateTimeFormatter ROLLED_TIME =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    private static final long MS_PER_DAY = TimeUnit.DAYS.toMillis(1);

    private final Path file;
    private final String rolledPrefix;
    private final LogRolling rolling;
    private final EpochClock epochClock;
    private final ErrorHandler errorHandler;
    private PrintStream stream;
    private HistogramLogWriter writer;
    private long bytesWritten;
    private long openedDay;
    private long startTimeMs;
    private boolean isFailureReported;

    /**
     * Open the log for appending (creating it and its directory if need be) and write a header. A file
     * left from a previous day, or already at its size limit, is rolled first.
     *
     * @param file the current log, named {@code <name>.hlog}.
     * @param errorHandler told once if writing, renaming or deleting fails; the log carries on.
     * @throws UncheckedIOException when the file cannot be opened.
     */
    public IntervalLogFile(
        final Path file, final LogRolling rolling, final EpochClock epochClock, final ErrorHandler errorHandler)
    {
        final String name = file.getFileName().toString();
        if (!name.endsWith(SUFFIX) || name.length() == SUFFIX.length())
        {
            throw new IllegalArgumentException("an interval log is named <name>" + SUFFIX + ": " + file);
        }
        this.file = file.toAbsolutePath();
        this.rolledPrefix = name.substring(0, name.length() - SUFFIX.length()) + "-";
        this.rolling = rolling;
        this.epochClock = epochClock;
        this.errorHandler = errorHandler;

        createDirectory();
        final long nowMs = epochClock.time();
        if (Files.exists(this.file) && isStale(nowMs))
        {
            rename(nowMs);
        }
        open(nowMs, nowMs);
    }

    /**
     * @return the StartTime of the header this process wrote last: where the first interval starts.
     */
    long startTimeMs()
    {
        return startTimeMs;
    }

    /**
     * Before an interval is written: a daily log rolls when the UTC day has changed since it was opened.
     *
     * @param intervalStartMs where the interval about to be written starts: a new file's StartTime, so
     *                        that interval's offset is never negative (readers skip those).
     */
    void beginInterval(final long intervalStartMs, final long nowMs)
    {
        if (rolling.isDaily() && nowMs / MS_PER_DAY != openedDay)
        {
            roll(intervalStartMs, nowMs);
        }
    }

    void write(final Histogram interval)
    {
        writer.outputIntervalHistogram(interval);
    }

    /**
     * After an interval is written: flush it, report a write failure once, roll a full file.
     */
    void endInterval(final long nowMs)
    {
        stream.flush();
        checkWriteFailure();
        if (bytesWritten >= rolling.maxBytes())
        {
            roll(nowMs, nowMs);
        }
    }

    /**
     * @return the current log file.
     */
    public Path file()
    {
        return file;
    }

    public void close()
    {
        writer.close();
        checkWriteFailure();
    }

    private boolean isStale(final long nowMs)
    {
        try
        {
            final long modifiedMs = Files.getLastModifiedTime(file).toMillis();
            return Files.size(file) >= rolling.maxBytes() ||
                (rolling.isDaily() && modifiedMs / MS_PER_DAY != nowMs / MS_PER_DAY);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read latency log " + file, ex);
        }
    }

    private void roll(final long headerTimeMs, final long nowMs)
    {
        writer.close();
        checkWriteFailure();
        rename(nowMs);
        open(headerTimeMs, nowMs);
    }

    private void open(final long headerTimeMs, final long nowMs)
    {
        try
        {
            bytesWritten = Files.exists(file) ? Files.size(file) : 0;
            stream = new PrintStream(
                new BufferedOutputStream(new CountingStream(Files.newOutputStream(
                    file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE))),
                false,
                StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot open latency log " + file, ex);
        }

        openedDay = nowMs / MS_PER_DAY;
        startTimeMs = headerTimeMs;
        writer = new HistogramLogWriter(stream);
        writer.outputLogFormatVersion();
        writer.outputComment("firstcall stage latencies in ns, tagged by stage; opened " + Instant.ofEpochMilli(nowMs));
        writer.outputStartTime(headerTimeMs);
        writer.setBaseTime(headerTimeMs);
        writer.outputBaseTime(headerTimeMs);
        writer.outputLegend();
        stream.flush();
    }

    /**
     * Move the current file aside under the time of the roll, then delete the oldest rolled files.
     * A failure is reported and the log goes on in the same file.
     */
    private void rename(final long nowMs)
    {
        try
        {
            long rolledMs = nowMs;
            Path rolled = rolledName(rolledMs);
            while (Files.exists(rolled))
            {
                rolled = rolledName(++rolledMs);
            }
            Files.move(file, rolled);
            deleteBeyondKeep();
        }
        catch (final IOException ex)
        {
            report(new IOException("failed to roll latency log " + file, ex));
        }
    }

    private Path rolledName(final long rolledMs)
    {
        return file.resolveSibling(rolledPrefix + ROLLED_TIME.format(Instant.ofEpochMilli(rolledMs)) + SUFFIX);
    }

    private void deleteBeyondKeep() throws IOException
    {
        final List<Path> rolled = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(file.getParent(), rolledPrefix + "*" + SUFFIX))
        {
            files.forEach(rolled::add);
        }
        Collections.sort(rolled);
        for (int i = 0; i < rolled.size() - rolling.keep(); i++)
        {
            Files.deleteIfExists(rolled.get(i));
        }
    }

    private void createDirectory()
    {
        try
        {
            Files.createDirectories(file.getParent());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create the directory of latency log " + file, ex);
        }
    }

    private void checkWriteFailure()
    {
        // PrintStream swallows IOExceptions: ask for them so a full disk is reported, not ignored.
        if (stream.checkError())
        {
            report(new IOException("failed to write latency log " + file));
        }
    }

    private void report(final IOException failure)
    {
        if (!isFailureReported)
        {
            isFailureReported = true;
            errorHandler.onError(failure);
        }
    }

    /**
     * Counts the bytes that reach the file, for the size limit.
     */
    private final class CountingStream extends FilterOutputStream
    {
        CountingStream(final OutputStream out)
        {
            super(out);
        }

        public void write(final int b) throws IOException
        {
            out.write(b);
            bytesWritten++;
        }

        public void write(final byte[] bytes, final int offset, final int length) throws IOException
        {
            out.write(bytes, offset, length);
            bytesWritten += length;
        }
    }
}
