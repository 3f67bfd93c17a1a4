package io.firstcall.gateway.session;

import io.firstcall.pipeline.AckListener;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AckQueueTest
{
    @Test
    void shouldCarryAnySequenceApartFromTheOutcome()
    {
        final AckQueue queue = new AckQueue(8);
        final long[] sequences = { 0, 123_456_789_012L, 1L << 62, Long.MAX_VALUE, -1, Long.MIN_VALUE };
        for (final long sequence : sequences)
        {
            assertTrue(queue.offer(sequence, sequence, AckQueue.DUPLICATE));
        }
        assertTrue(queue.offer(99, -1, AckQueue.rejected(AckListener.RejectReason.DISK_SPACE_LOW)));

        for (final long sequence : sequences)
        {
            assertEquals(sequence, queue.sequence());
            assertTrue(AckQueue.isJournaled(queue.outcome()), "a sequence is never read as a rejection: " + sequence);
            assertEquals(AckQueue.DUPLICATE, queue.outcome());
            queue.advance();
        }
        assertFalse(AckQueue.isJournaled(queue.outcome()));
        assertEquals(AckListener.RejectReason.DISK_SPACE_LOW, AckQueue.rejectReason(queue.outcome()));
    }

    @Test
    void shouldKeepOrderRefuseWhenFullAndWrapAround()
    {
        final AckQueue queue = new AckQueue(4);
        for (int round = 0; round < 3; round++)
        {
            for (int i = 0; i < 4; i++)
            {
                assertTrue(queue.offer(round * 10 + i, i, AckQueue.JOURNALED));
            }
            assertFalse(queue.offer(99, 99, AckQueue.JOURNALED), "full");

            for (int i = 0; i < 4; i++)
            {
                assertFalse(queue.isEmpty());
                assertEquals(round * 10 + i, queue.request());
                assertEquals(i, queue.sequence());
                queue.advance();
            }
            assertTrue(queue.isEmpty());
        }
    }

    @Test
    void shouldHandEveryEntryAcrossThreadsInOrder() throws InterruptedException
    {
        final AckQueue queue = new AckQueue(64);
        final int count = 200_000;
        final Thread producer = new Thread(() ->
        {
            for (int i = 0; i < count; i++)
            {
                while (!queue.offer(i, i, AckQueue.JOURNALED))
                {
                    Thread.onSpinWait();
                }
            }
        });
        producer.start();

        for (int i = 0; i < count; i++)
        {
            while (queue.isEmpty())
            {
                Thread.onSpinWait();
            }
            assertEquals(i, queue.request());
            assertEquals(i, queue.sequence());
            queue.advance();
        }
        producer.join();
    }
}
