package io.firstcall.gateway.session;

import io.firstcall.pipeline.AckListener;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AckQueueTest
{
    @Test
    void shouldEncodeJournaledDuplicateAndRejectedOutcomes()
    {
        final long journaled = AckQueue.journaled(123_456_789_012L, false);
        final long duplicate = AckQueue.journaled(7, true);
        final long rejected = AckQueue.rejected(AckListener.RejectReason.JOURNAL_SYNC_FAILED.ordinal());

        assertTrue(AckQueue.isJournaled(journaled));
        assertEquals(123_456_789_012L, AckQueue.sequence(journaled));
        assertFalse(AckQueue.isDuplicate(journaled));
        assertEquals(7, AckQueue.sequence(duplicate));
        assertTrue(AckQueue.isDuplicate(duplicate));
        assertFalse(AckQueue.isJournaled(rejected));
        assertEquals(AckListener.RejectReason.JOURNAL_SYNC_FAILED.ordinal(), (int)(-1L - rejected));
    }

    @Test
    void shouldKeepOrderRefuseWhenFullAndWrapAround()
    {
        final AckQueue queue = new AckQueue(4);
        for (int round = 0; round < 3; round++)
        {
            for (int i = 0; i < 4; i++)
            {
                assertTrue(queue.offer(round * 10 + i, i));
            }
            assertFalse(queue.offer(99, 99), "full");

            for (int i = 0; i < 4; i++)
            {
                assertFalse(queue.isEmpty());
                assertEquals(round * 10 + i, queue.request());
                assertEquals(i, queue.outcome());
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
                while (!queue.offer(i, AckQueue.journaled(i, false)))
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
            assertEquals(i, AckQueue.sequence(queue.outcome()));
            queue.advance();
        }
        producer.join();
    }
}
