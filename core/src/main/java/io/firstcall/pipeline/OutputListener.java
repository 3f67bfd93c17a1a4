package io.firstcall.pipeline;

import org.agrona.DirectBuffer;

/**
 * Delivery of journaled output events to the edge (the gateway's rep connections): the seam
 * between the engine and the gateway. Called on the engine thread by the output stage, after the
 * output is in the output journal and after the decision that made it is complete; must never block.
 */
@FunctionalInterface
public interface OutputListener
{
    OutputListener NONE = (buffer, offset, length, inputSequence) -> {};

    /**
     * @param buffer        holding one SBE output message (header first); valid during the call only.
     * @param inputSequence the input that caused the output.
     */
    void onOutput(DirectBuffer buffer, int offset, int length, long inputSequence);

    /**
     * Called once per ring batch, after the batch's last {@link #onOutput}: a place to wake the
     * edge's readers once rather than per output.
     */
    default void endOfBatch()
    {
    }
}
