package io.firstcall.audit;

import org.agrona.DirectBuffer;

/**
 * The live speed-to-lead figures: the same {@link SpeedToLeadProjection} as {@code firstcall report},
 * fed by the server's {@link ProjectionAgent}, publishing an immutable {@link SpeedToLeadSnapshot} for
 * {@code /stats} and {@code /metrics}, so the live figures equal the offline ones of the same journal
 * by construction. A snapshot aggregates every lead, so while entries keep coming one is built at
 * most every {@code publishIntervalNs}; once caught up, at once.
 */
public final class LiveSpeedToLead implements LiveProjection
{
    private final SpeedToLeadProjection projection;
    private final long publishIntervalNs;
    private long lastPublishNs = Long.MIN_VALUE;
    private volatile SpeedToLeadSnapshot snapshot;

    public LiveSpeedToLead(final long neverAfterNs, final long publishIntervalNs)
    {
        projection = new SpeedToLeadProjection(neverAfterNs);
        this.publishIntervalNs = publishIntervalNs;
        snapshot = SpeedToLeadSnapshot.empty(neverAfterNs);
    }

    public void onInput(final long sequence, final long timestampNs, final DirectBuffer message, final int offset, final int length)
    {
        projection.onInput(sequence, timestampNs, message, offset, length);
    }

    public void onOutput(
        final long causeSequence, final long causeTimestampNs, final DirectBuffer message, final int offset, final int length)
    {
        projection.onOutput(causeSequence, causeTimestampNs, message, offset, length);
    }

    public void publish(final long nowNs, final boolean caughtUp)
    {
        if (caughtUp || Long.MIN_VALUE == lastPublishNs || nowNs - lastPublishNs >= publishIntervalNs)
        {
            snapshot = projection.snapshot();
            lastPublishNs = nowNs;
        }
    }

    /**
     * @return the latest published figures; readable from any thread.
     */
    public SpeedToLeadSnapshot snapshot()
    {
        return snapshot;
    }
}
