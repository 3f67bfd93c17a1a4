package io.firstcall.pipeline;

import com.lmax.disruptor.EventHandler;

/**
 * The default topology for small machines: journal and decide on one thread. Each batch is first
 * journaled (and synced and acknowledged) as a whole, then handed to the state machine slot by
 * slot; the listeners hear the batch's end once its outputs are out too, so the edge is woken once
 * per batch. The slots of a batch stay valid until this handler returns from the end-of-batch call,
 * because the processor only releases its sequence after that.
 */
final class SingleThreadHandler implements EventHandler<RingSlot>
{
    private final SlotSource slots;
    private final JournalHandler journalHandler;
    private final DecisionHandler decisionHandler;
    private long batchStart = -1;

    SingleThreadHandler(
        final SlotSource slots, final JournalHandler journalHandler, final DecisionHandler decisionHandler)
    {
        this.slots = slots;
        this.journalHandler = journalHandler;
        this.decisionHandler = decisionHandler;
        journalHandler.deferAckBatchEnd();
    }

    /**
     * Recover (the decision stage appends the output journal's missing tail), then continue the input journal.
     */
    public void onStart()
    {
        decisionHandler.onStart();
        journalHandler.onStart();
    }

    public void onEvent(final RingSlot slot, final long sequence, final boolean endOfBatch)
    {
        if (batchStart < 0)
        {
            batchStart = sequence;
        }

        journalHandler.onEvent(slot, sequence, endOfBatch);

        if (endOfBatch)
        {
            final long first = batchStart;
            batchStart = -1;
            for (long s = first; s <= sequence; s++)
            {
                decisionHandler.onEvent(slots.get(s), s, s == sequence);
            }
            journalHandler.endAckBatch();
        }
    }
}
