package io.firstcall.status;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import com.lmax.disruptor.util.DaemonThreadFactory;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DisruptorExceptionHandlerTest
{
    @Test
    void shouldRouteEveryKindOfExceptionToTheErrorHandler()
    {
        final List<Throwable> routed = new ArrayList<>();
        final DisruptorExceptionHandler<Object> handler = new DisruptorExceptionHandler<>(routed::add);
        final RuntimeException onEvent = new RuntimeException("event");
        final RuntimeException onStart = new RuntimeException("start");
        final RuntimeException onShutdown = new RuntimeException("shutdown");

        handler.handleEventException(onEvent, 42, new Object());
        handler.handleOnStartException(onStart);
        handler.handleOnShutdownException(onShutdown);

        assertEquals(List.of(onEvent, onStart, onShutdown), routed);
    }

    @Test
    void shouldNotRethrowWhenTheErrorHandlerThrows()
    {
        final ErrorHandler throwing = (throwable) ->
        {
            throw new IllegalStateException("handler broken");
        };
        final DisruptorExceptionHandler<Object> handler = new DisruptorExceptionHandler<>(throwing);

        assertDoesNotThrow(() -> handler.handleEventException(new RuntimeException(), 1, null));
        assertDoesNotThrow(() -> handler.handleOnStartException(new RuntimeException()));
        assertDoesNotThrow(() -> handler.handleOnShutdownException(new RuntimeException()));
    }

    @Test
    void shouldKeepProcessingEventsAfterAHandlerThrows() throws InterruptedException
    {
        final long[] lastSeen = { -1 };
        final CountDownLatch lastEventProcessed = new CountDownLatch(1);
        final IllegalStateException failure = new IllegalStateException("bad event");
        final List<Throwable> routed = new ArrayList<>();

        try (EngineCounters counters = EngineCounters.inMemory();
            CountingErrorHandler errorHandler =
                new CountingErrorHandler(counters.get(EngineCounter.ERRORS), SystemEpochClock.INSTANCE))
        {
            final Disruptor<long[]> disruptor = new Disruptor<>(
                () -> new long[1], 8, DaemonThreadFactory.INSTANCE, ProducerType.SINGLE, new BlockingWaitStrategy());
            disruptor.setDefaultExceptionHandler(new DisruptorExceptionHandler<>(
                (throwable) ->
                {
                    routed.add(throwable);
                    errorHandler.onError(throwable);
                }));
            disruptor.handleEventsWith((event, sequence, endOfBatch) ->
            {
                if (2 == event[0])
                {
                    throw failure;
                }
                lastSeen[0] = event[0];
                if (3 == event[0])
                {
                    lastEventProcessed.countDown();
                }
            });
            disruptor.start();
            try
            {
                for (long value = 1; value <= 3; value++)
                {
                    disruptor.getRingBuffer().publishEvent((event, sequence, arg) -> event[0] = arg, value);
                }

                // A generous bound only so a broken build fails instead of hanging; never a speed assertion.
                assertTrue(lastEventProcessed.await(30, TimeUnit.SECONDS));
            }
            finally
            {
                disruptor.halt();
            }

            assertEquals(3, lastSeen[0]);
            assertEquals(1, routed.size());
            assertSame(failure, routed.get(0));
            assertEquals(1, counters.value(EngineCounter.ERRORS));
            assertEquals(1, errorHandler.errorCount());
        }
    }
}
