package io.firstcall.gateway.egress;

import io.firstcall.pipeline.OutputListener;
import org.agrona.DirectBuffer;

/**
 * The engine's output listener: each output goes into the {@link EgressRing} with its input sequence;
 * the batch's end rings the doorbell if any did. One thread: the decision thread (the engine thread in
 * topology {@code single}).
 */
final class OutputEgress implements OutputListener
{
    private final EgressRing ring;
    private boolean written;

    OutputEgress(final EgressRing ring)
    {
        this.ring = ring;
    }

    public void onOutput(final DirectBuffer buffer, final int offset, final int length, final long inputSequence)
    {
        ring.writeOutput(buffer, offset, length, inputSequence);
        written = true;
    }

    public void endOfBatch()
    {
        if (written)
        {
            written = false;
            ring.ringDoorbell();
        }
    }
}
