package io.firstcall.status;

import org.agrona.BufferUtil;
import org.agrona.concurrent.CachedEpochClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.lang.System.Logger.Level;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CountingErrorHandlerTest
{
    private static final long START_TIME_MS = 1_700_000_000_000L;

    private final EngineCounters counters = EngineCounters.inMemory();
    private final AtomicCounter errors = counters.get(EngineCounter.ERRORS);
    private final CachedEpochClock clock = new CachedEpochClock();
    private final RecordingLogger logger = new RecordingLogger();
    private final CountingErrorHandler handler = newHandler(1024 * 1024);

    @AfterEach
    void after()
    {
        handler.close();
        counters.close();
    }

    @Test
    void shouldCountEveryErrorAndLogEachDistinctErrorOnce()
    {
        clock.update(START_TIME_MS);
        for (int i = 0; i < 3; i++)
        {
            handler.onError(new IllegalStateException("same"));
            clock.advance(1000);
        }
        handler.onError(new IllegalArgumentException("other"));

        assertEquals(4, errors.get());
        assertEquals(2, handler.errorCount());
        assertEquals(2, logger.messages.size());
        assertEquals(Level.ERROR, logger.levels.get(0));
        assertTrue(logger.messages.get(0).contains("IllegalStateException: same"), logger.messages.get(0));
        assertTrue(logger.messages.get(1).contains("IllegalArgumentException: other"), logger.messages.get(1));
    }

    @Test
    void shouldReportDistinctErrorsWithObservationCountsAndTimes()
    {
        clock.update(START_TIME_MS);
        for (int i = 0; i < 3; i++)
        {
            handler.onError(new IllegalStateException("repeated"));
            clock.advance(2000);
        }

        final String report = handler.report();

        assertTrue(report.startsWith("1 distinct error(s)"), report);
        assertTrue(report.contains("3 observation(s) from 2023-11-14T22:13:20Z to 2023-11-14T22:13:24Z"), report);
        assertTrue(report.contains("java.lang.IllegalStateException: repeated"), report);
        assertTrue(report.contains("CountingErrorHandlerTest"), "stack trace printed: " + report);
    }

    @Test
    void shouldReportNoErrorsWhenNoneOccurred()
    {
        assertEquals(0, handler.errorCount());
        assertTrue(handler.report().startsWith("0 distinct error(s)"));
    }

    @Test
    void shouldNeverThrowOnNullMessageNullErrorOrUnprintableErrors()
    {
        assertDoesNotThrow(() -> handler.onError(new RuntimeException((String)null)));
        assertDoesNotThrow(() -> handler.onError(null));
        for (int i = 0; i < 2; i++)
        {
            assertDoesNotThrow(() -> handler.onError(new ThrowingToString()));
        }
        assertDoesNotThrow(() -> handler.onError(new ThrowingEverywhere()));

        assertEquals(5, errors.get());
        assertEquals(4, handler.errorCount(), "both ThrowingToString come from one line so are one distinct error");
        assertEquals(4, logger.messages.size());
        assertTrue(logger.messages.get(2).contains("unprintable error of type " + ThrowingToString.class.getName()),
            logger.messages.get(2));
        assertTrue(handler.report().contains(ThrowingEverywhere.class.getName()));
    }

    @Test
    void shouldNeverThrowWhenTheLoggerThrows()
    {
        logger.shouldThrow = true;

        assertDoesNotThrow(() -> handler.onError(new IllegalStateException("boom")));

        assertEquals(1, errors.get());
        assertEquals(1, handler.errorCount());
    }

    @Test
    void shouldCountButReportFullLogOnlyOnce()
    {
        final CountingErrorHandler tiny = newHandler(64);

        tiny.onError(new IllegalStateException("first"));
        tiny.onError(new IllegalArgumentException("second"));

        assertEquals(2, errors.get());
        assertEquals(0, tiny.errorCount());
        assertEquals(1, logger.messages.size());
        assertTrue(logger.messages.get(0).contains("full"), logger.messages.get(0));
    }

    @Test
    void shouldLogEveryErrorAfterClose()
    {
        handler.close();

        handler.onError(new IllegalStateException("late"));
        handler.onError(new IllegalStateException("late"));

        assertEquals(2, errors.get());
        assertEquals(2, logger.messages.size());
    }

    private CountingErrorHandler newHandler(final int errorLogLength)
    {
        return new CountingErrorHandler(
            errors, clock, new UnsafeBuffer(BufferUtil.allocateDirectAligned(errorLogLength, 64)), logger);
    }

    private static final class ThrowingToString extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        public String toString()
        {
            throw new IllegalStateException("toString broken");
        }
    }

    private static final class ThrowingEverywhere extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        public String getMessage()
        {
            throw new IllegalStateException("getMessage broken");
        }

        public String toString()
        {
            throw new IllegalStateException("toString broken");
        }

        public StackTraceElement[] getStackTrace()
        {
            throw new IllegalStateException("getStackTrace broken");
        }

        public void printStackTrace(final PrintWriter writer)
        {
            throw new IllegalStateException("printStackTrace broken");
        }
    }
}
