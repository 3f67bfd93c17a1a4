package io.firstcall.status;

import org.agrona.BitUtil;
import org.agrona.BufferUtil;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.errors.DistinctErrorLog;
import org.agrona.concurrent.errors.ErrorLogReader;
import org.agrona.concurrent.status.AtomicCounter;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Objects;

import static org.agrona.concurrent.errors.DistinctErrorLog.ENCODED_ERROR_OFFSET;
import static org.agrona.concurrent.errors.DistinctErrorLog.LENGTH_OFFSET;
import static org.agrona.concurrent.errors.DistinctErrorLog.RECORD_ALIGNMENT;

/**
 * The one error chain of the engine: every error is counted, recorded once per distinct kind in an
 * Agrona {@link DistinctErrorLog} (repeats only bump its observation count) and its first occurrence is
 * logged through {@code System.getLogger("firstcall")} at {@link Level#ERROR}. {@link #report()} prints
 * the distinct log for operators.
 * <p>
 * {@link #onError(Throwable)} is safe to call from any thread and never throws: an error handler that
 * throws would take down the thread it was meant to protect. Errors whose {@code toString} or stack
 * trace printing throws are recorded as an {@link UnprintableError} carrying their class name and stack.
 * <p>
 * When the distinct log is full, new kinds of error are still counted; the first such error is logged
 * with a warning that the log is full. After {@link #close()} errors are counted and logged each time,
 * as nobody reads the distinct log any more.
 */
public final class CountingErrorHandler implements ErrorHandler, AutoCloseable
{
    /**
     * Default length of the distinct error log: room for hundreds of distinct stack traces.
     */
    public static final int DEFAULT_ERROR_LOG_LENGTH = 1024 * 1024;

    /**
     * Name of the {@link System.Logger} first occurrences are logged to.
     */
    public static final String LOGGER_NAME = "firstcall";

    private final AtomicCounter errors;
    private final AtomicBuffer errorLogBuffer;
    private final DistinctErrorLog errorLog;
    private final Logger logger;

    // Guarded by this: the offset of the next distinct record not yet logged.
    private int nextUnloggedRecordOffset;
    private boolean isLogFullReported;
    private volatile boolean isClosed;

    /**
     * @param errors counter incremented for every error, e.g. {@link EngineCounter#ERRORS}.
     * @param epochClock stamps first and last observations (ms since epoch).
     */
    public CountingErrorHandler(final AtomicCounter errors, final EpochClock epochClock)
    {
        this(errors, epochClock, DEFAULT_ERROR_LOG_LENGTH);
    }

    /**
     * @param errors counter incremented for every error, e.g. {@link EngineCounter#ERRORS}.
     * @param epochClock stamps first and last observations (ms since epoch).
     * @param errorLogLength length in bytes of the distinct error log.
     */
    public CountingErrorHandler(final AtomicCounter errors, final EpochClock epochClock, final int errorLogLength)
    {
        this(errors, epochClock, allocate(errorLogLength), System.getLogger(LOGGER_NAME));
    }

    /**
     * @param errors counter incremented for every error, e.g. {@link EngineCounter#ERRORS}.
     * @param epochClock stamps first and last observations (ms since epoch).
     * @param errorLogBuffer buffer for the distinct error log, e.g. part of a mapped file a tool reads.
     */
    public CountingErrorHandler(final AtomicCounter errors, final EpochClock epochClock, final AtomicBuffer errorLogBuffer)
    {
        this(errors, epochClock, errorLogBuffer, System.getLogger(LOGGER_NAME));
    }

    CountingErrorHandler(
        final AtomicCounter errors, final EpochClock epochClock, final AtomicBuffer errorLogBuffer, final Logger logger)
    {
        this.errors = Objects.requireNonNull(errors, "errors");
        this.errorLogBuffer = Objects.requireNonNull(errorLogBuffer, "errorLogBuffer");
        this.logger = Objects.requireNonNull(logger, "logger");
        errorLog = new DistinctErrorLog(errorLogBuffer, Objects.requireNonNull(epochClock, "epochClock"));
    }

    /**
     * Count, record and, if new, log an error. Never throws.
     *
     * @param throwable the error; null is tolerated and recorded as such.
     */
    public void onError(final Throwable throwable)
    {
        try
        {
            errors.increment();
        }
        catch (final Throwable ignore)
        {
            // Counting must not stop the error being recorded.
        }

        try
        {
            final Throwable error = null != throwable ? throwable : new NullPointerException("onError(null)");
            if (isClosed)
            {
                logSafely(Level.ERROR, "Error after close", error);
                return;
            }

            final boolean isRecorded = record(error);
            synchronized (this)
            {
                logNewRecords();
                if (!isRecorded && !isLogFullReported)
                {
                    isLogFullReported = true;
                    logSafely(Level.ERROR, "Distinct error log full, new kinds of error are only counted from now on",
                        error);
                }
            }
        }
        catch (final Throwable ignore)
        {
            // Last resort: the error is counted; there is nothing safe left to do with it.
        }
    }

    /**
     * @return how many distinct errors the log holds (each may have been observed many times; the
     * errors counter has the total).
     */
    public int errorCount()
    {
        return ErrorLogReader.read(errorLogBuffer, (observationCount, firstTimestampMs, lastTimestampMs, error) -> {});
    }

    /**
     * @return the distinct error log as text for operators: one entry per kind of error with its count,
     * first and last observation times and stack trace.
     */
    public String report()
    {
        return report(errorLogBuffer);
    }

    /**
     * Print a distinct error log, e.g. one read from a file by a tool.
     *
     * @param errorLogBuffer buffer written by a {@link DistinctErrorLog}.
     * @return the log as text for operators.
     */
    public static String report(final AtomicBuffer errorLogBuffer)
    {
        final StringBuilder entries = new StringBuilder();
        final int distinctErrors = ErrorLogReader.read(
            errorLogBuffer,
            (observationCount, firstTimestampMs, lastTimestampMs, encodedError) -> entries
                .append(System.lineSeparator())
                .append(observationCount).append(" observation(s) from ")
                .append(Instant.ofEpochMilli(firstTimestampMs)).append(" to ")
                .append(Instant.ofEpochMilli(lastTimestampMs)).append(" for:").append(System.lineSeparator())
                .append(' ').append(encodedError));

        return distinctErrors + " distinct error(s)" + System.lineSeparator() + entries;
    }

    /**
     * Stop deduplicating: later errors are counted and logged each time. The buffer is left to the
     * garbage collector so a late {@link #onError(Throwable)} on another thread is still safe.
     */
    public void close()
    {
        isClosed = true;
    }

    private boolean record(final Throwable error)
    {
        try
        {
            return errorLog.record(error);
        }
        catch (final Throwable printingFailed)
        {
            // toString, getMessage or printStackTrace threw: keep what can be read without them.
            return errorLog.record(new UnprintableError(error));
        }
    }

    /**
     * Log records appended since the last call; each is the first occurrence of its kind of error.
     * Scanning the log rather than tracking which call added a record also covers records added by
     * other threads in between.
     */
    private void logNewRecords()
    {
        final AtomicBuffer buffer = errorLogBuffer;
        final int capacity = buffer.capacity();
        while (nextUnloggedRecordOffset + ENCODED_ERROR_OFFSET <= capacity)
        {
            final int offset = nextUnloggedRecordOffset;
            final int length = buffer.getIntVolatile(offset + LENGTH_OFFSET);
            if (length <= 0)
            {
                break;
            }

            final String encodedError = buffer.getStringWithoutLengthUtf8(
                offset + ENCODED_ERROR_OFFSET, length - ENCODED_ERROR_OFFSET);
            logSafely(Level.ERROR, "First occurrence of error: " + encodedError, null);
            nextUnloggedRecordOffset = offset + BitUtil.align(length, RECORD_ALIGNMENT);
        }
    }

    private void logSafely(final Level level, final String message, final Throwable error)
    {
        try
        {
            if (null == error)
            {
                logger.log(level, message);
            }
            else
            {
                logger.log(level, message, error);
            }
        }
        catch (final Throwable loggingFailed)
        {
            try
            {
                logger.log(level, message + ": " + (null == error ? "" : error.getClass().getName()));
            }
            catch (final Throwable ignore)
            {
                // The logger itself is broken; the error is still counted and recorded.
            }
        }
    }

    private static AtomicBuffer allocate(final int errorLogLength)
    {
        if (errorLogLength < ENCODED_ERROR_OFFSET)
        {
            throw new IllegalArgumentException("errorLogLength too small: " + errorLogLength);
        }

        return new UnsafeBuffer(BufferUtil.allocateDirectAligned(
            BitUtil.align(errorLogLength, BitUtil.CACHE_LINE_LENGTH), BitUtil.CACHE_LINE_LENGTH));
    }

    /**
     * Stands in for an error that cannot be printed, so it is still recorded by kind and stack.
     */
    public static final class UnprintableError extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        UnprintableError(final Throwable original)
        {
            super("unprintable error of type " + original.getClass().getName());
            try
            {
                setStackTrace(original.getStackTrace());
            }
            catch (final Throwable ignore)
            {
                // A broken or null stack: keep the one captured here, which still shows the reporting site.
            }
        }
    }
}
