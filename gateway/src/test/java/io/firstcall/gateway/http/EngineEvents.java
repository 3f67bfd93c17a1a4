package io.firstcall.gateway.http;

import io.firstcall.Engine;
import io.firstcall.event.EventWriter;
import io.firstcall.status.EngineCounter;
import io.firstcall.timing.LatencyStage;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Events offered straight to an engine's ring, for the endpoint tests that need figures to show.
 */
final class EngineEvents
{
    private EngineEvents()
    {
    }

    /**
     * Publish {@code events} page visits of tenant acme and wait until they are journaled and every
     * stage's cumulative histogram holds them (but receive_to_alert: a visit alerts no one).
     *
     * @return events journaled in all: the published ones and the tenant configuration the engine
     * journals at launch.
     */
    static long publishAndAwaitLatency(final Engine engine, final int events)
    {
        // Launch offers the tenant configuration itself; let it through first so the count is exact.
        await(() -> journaled(engine) == counter(engine, EngineCounter.EVENTS_RECEIVED), "launch events journaled");
        final long before = journaled(engine);

        final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[4096]));
        for (int i = 0; i < events; i++)
        {
            final long correlationId = i;
            final long nowNs = engine.context().clock().nanoTime();
            final int length = writer.times(nowNs / 1_000_000, nowNs).visit("acme", "e" + before + "-" + i, "L" + i, "/pricing");
            await(() -> engine.publisher().offer(writer.buffer(), 0, length, correlationId, nowNs), "offer accepted");
        }

        final long expected = before + events;
        await(() -> counter(engine, EngineCounter.EVENTS_PROCESSED) >= expected, "events processed");
        await(
            () ->
            {
                // Cumulative histograms grow once per log interval: end the interval now.
                engine.histograms().sample();
                for (final LatencyStage stage : LatencyStage.values())
                {
                    final long count = engine.histograms().cumulative(stage).getTotalCount();
                    if (!alertsNoOne(stage, count) && count < expected)
                    {
                        return false;
                    }
                }
                return true;
            },
            "latency recorded");
        assertEquals(expected, journaled(engine));

        return expected;
    }

    /**
     * @return true for the alert stage while it is empty, as it stays for these page visits: the other
     * stages count every event published.
     */
    static boolean alertsNoOne(final LatencyStage stage, final long count)
    {
        return LatencyStage.RECEIVE_TO_ALERT == stage && 0 == count;
    }

    private static long journaled(final Engine engine)
    {
        return counter(engine, EngineCounter.EVENTS_JOURNALED);
    }

    private static long counter(final Engine engine, final EngineCounter counter)
    {
        return engine.counters().get(counter).get();
    }

    private static void await(final BooleanSupplier condition, final String what)
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadlineNs > 0)
            {
                fail("timed out waiting for " + what);
            }
            Thread.yield();
        }
    }
}
