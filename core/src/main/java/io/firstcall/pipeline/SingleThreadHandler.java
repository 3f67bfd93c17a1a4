package io.firstcall.pipeline;

import com.lmax.disruptor.EventHandler;

/**
 * The default topology for small machines: journal and decide on one thread. Each batch is first
 * journaled (and synced and acknowledged) as a whole, then handed to the state machine slot by
 * slot. The slots of a batch stay valid until this handler returns from the end-of-batch call,
 * because the processor only releases its sequence after that.
 */
final class SingleThreadHandler implements EventHandler<RingSlot>
{
    private final SlotSource slots;
    private final JournalStage journalStage;
    private final DecisionStage decisionStage;
    private long batchStart = -1;

    SingleThreadHandler(
        final SlotSource slots, final JournalStage journalStage, final DecisionStage decisionStage)
    {
        this.slots = slots;
        this.journalStage = journalStage;
        this.decisionStage = decisionStage;
    }

    /**
     * Recover (the decision stage appends the output journal's missing tail), then continue the input journal.
     */
    public void onStart()
    {
        decisionStage.onStart();
        journalStage.onStart();
    }

    public void onEvent(final RingSlot slot, final long sequence, final boolean endOfBatch)
    {
        if (batchStart < 0)
        {
            batchStart = sequence;
        }

        journalStage.onEvent(slot, sequence, endOfBatch);

        if (endOfBatch)
        {
            final long first = batchStart;
            batchStart = -1;
            for (long s = first; s <= sequence; s++)
            {
                decisionStage.onEvent(slots.get(s), s, s == sequence);
            }
        }
    }
}
