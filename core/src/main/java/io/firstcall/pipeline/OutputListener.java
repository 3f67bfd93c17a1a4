package io.firstcall.pipeline;

import org.agrona.DirectBuffer;

/**
 * Delivery of journaled output events to the edge (the gateway's rep connections). Called on the
 * engine thread after the output is in the output journal; must never block.
 */
@FunctionalInterface
public interface OutputListener
{
    OutputListener NONE = (buffer, offset, length, inputSequence) -> {};

    void onOutput(DirectBuffer buffer, int offset, int length, long inputSequence);

    /**
     * Called once per ring batch, after the batch's last {@link #onOutput}: a place to wake the
     * edge's readers once rather than per output.
     */
    default void endOfBatch()
    {
    }
}
