package io.firstcall.pipeline;

import io.firstcall.Engine;
import io.firstcall.EngineContext;
import io.firstcall.event.EventWriter;
import io.firstcall.status.EngineCounter;
import io.firstcall.support.ManualClock;
import io.firstcall.support.RecordingAcks;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The de-duplication guarantee end to end, through the real engine and journals.
 */
class DuplicateRetryTest
{
    static final long T0 = TimeUnit.DAYS.toNanos(20_000);

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(T0, 1_000);
    private final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[1024]));

    @Test
    void shouldAnswerEveryIdReSentOldestFirstAfterARestartWhenMoreThanTheOldCountWereAcknowledged()
    {
        final int events = 300_000;
        final RecordingAcks first = new RecordingAcks();
        try (Engine engine = Engine.launch(context(first)))
        {
            publishAll(engine, events, 0);
            first.awaitCount(events);
        }

        final RecordingAcks retries = new RecordingAcks();
        try (Engine engine = Engine.launch(context(retries)))
        {
            publishAll(engine, events, events);
            retries.awaitCount(events);
            assertEquals(events, engine.counters().value(EngineCounter.DUPLICATES));
            assertEquals(0, engine.counters().value(EngineCounter.EVENTS_JOURNALED));
        }

        final List<RecordingAcks.Ack> original = first.acks();
        final List<RecordingAcks.Ack> repeated = retries.acks();
        for (int i = 0; i < events; i++)
        {
            assertTrue(repeated.get(i).duplicate, repeated.get(i).toString());
            assertEquals(original.get(i).sequence, repeated.get(i).sequence, "e" + i);
        }
    }

    private EngineContext context(final RecordingAcks acks)
    {
        return new EngineContext()
            .dataDir(dir)
            .clock(clock)
            .ticksEnabled(false)
            .ackListener(acks)
            .tenant("acme", "tenant: acme\n");
    }

    private void publishAll(final Engine engine, final int events, final long firstCorrelationId)
    {
        for (int i = 0; i < events; i++)
        {
            final int length = writer.visit("acme", "e" + i, "L" + (i % 1000), "/pricing");
            while (!engine.publisher().offer(writer.buffer(), 0, length, firstCorrelationId + i, clock.nanoTime()))
            {
                Thread.onSpinWait();
            }
        }
    }
}
