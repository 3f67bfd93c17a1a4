package io.firstcall.audit;

import org.agrona.DirectBuffer;

/**
 * Told every journal entry of a {@link JournalWalk} in journal order: each input, then the outputs it
 * caused. The message (an SBE input or output, header first) is valid during the call only.
 */
public interface JournalListener
{
    /**
     * @param sequence    the input's journal sequence.
     * @param timestampNs the engine time it was journaled at.
     */
    void onInput(long sequence, long timestampNs, DirectBuffer message, int offset, int length);

    /**
     * @param causeSequence    the sequence of the input that caused it.
     * @param causeTimestampNs that input's engine time.
     */
    void onOutput(long causeSequence, long causeTimestampNs, DirectBuffer message, int offset, int length);
}
