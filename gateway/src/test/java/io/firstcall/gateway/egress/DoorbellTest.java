package io.firstcall.gateway.egress;

import io.firstcall.gateway.GatewayCounter;
import io.firstcall.gateway.GatewayCounters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DoorbellTest
{
    private final GatewayCounters counters = new GatewayCounters();
    private final Doorbell doorbell = Doorbell.open(counters.get(GatewayCounter.DOORBELL_RINGS));

    @AfterEach
    void close()
    {
        doorbell.close();
    }

    @Test
    void shouldWriteOneWakeUpUntilItIsAnswered() throws IOException
    {
        doorbell.ring();
        doorbell.ring();
        doorbell.ring();
        assertEquals(1, bytesInPipe(), "a pending wake-up is not repeated");

        doorbell.ring();
        assertEquals(0, bytesInPipe(), "still pending: the loop has not answered");

        doorbell.answer();
        doorbell.ring();
        assertEquals(1, bytesInPipe());
        assertEquals(2, counters.value(GatewayCounter.DOORBELL_RINGS));
    }

    @Test
    void shouldEmptyThePipeWhenAnswered() throws IOException
    {
        doorbell.ring();
        doorbell.answer();

        assertEquals(0, bytesInPipe());
    }

    @Test
    void shouldNeverLoseAWakeUpBetweenTwoRingingThreads() throws Exception
    {
        final int ringsPerThread = 300_000;
        final AtomicLong produced = new AtomicLong();
        final Runnable engine = () ->
        {
            for (int i = 0; i < ringsPerThread; i++)
            {
                produced.incrementAndGet();
                doorbell.ring();
            }
        };
        final Thread journal = new Thread(engine, "journal");
        final Thread decision = new Thread(engine, "decision");
        try (Selector selector = Selector.open())
        {
            doorbell.source().register(selector, SelectionKey.OP_READ);
            journal.start();
            decision.start();

            long seen = 0;
            while (seen < 2L * ringsPerThread)
            {
                // Nothing rings once both threads are done: every increment must be seen after a wake-up.
                assertTrue(selector.select(5_000) > 0,
                    "lost wake-up: saw " + seen + " of " + produced.get() + " with no wake-up pending");
                selector.selectedKeys().clear();
                doorbell.answer();
                seen = produced.get();
            }
        }
        journal.join();
        decision.join();
    }

    private int bytesInPipe() throws IOException
    {
        int total = 0;
        final ByteBuffer buffer = ByteBuffer.allocate(16);
        int read;
        while ((read = doorbell.source().read(buffer.clear())) > 0)
        {
            total += read;
        }
        return total;
    }
}
