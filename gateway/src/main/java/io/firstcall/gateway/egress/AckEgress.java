package io.firstcall.gateway.egress;

import io.firstcall.pipeline.AckListener;

/**
 * The engine's acknowledgement listener: each acknowledgement and rejection of a client's event goes
 * into the {@link EgressRing}; the batch's end rings the doorbell if any did. Engine events (ticks,
 * configuration changes: correlation id -1) have nobody to answer and are left out, so a batch of ticks
 * wakes nobody. One thread: the journal thread (the engine thread in topology {@code single}).
 */
final class AckEgress implements AckListener
{
    private final EgressRing ring;
    private boolean written;

    AckEgress(final EgressRing ring)
    {
        this.ring = ring;
    }

    public void onJournaled(final long correlationId, final long sequence, final boolean duplicate)
    {
        if (correlationId >= 0)
        {
            ring.writeAck(correlationId, sequence, duplicate);
            written = true;
        }
    }

    public void onRejected(final long correlationId, final RejectReason reason)
    {
        if (correlationId >= 0)
        {
            ring.writeRejected(correlationId, reason);
            written = true;
        }
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
