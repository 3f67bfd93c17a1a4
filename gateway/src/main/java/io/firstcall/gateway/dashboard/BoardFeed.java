package io.firstcall.gateway.dashboard;

import io.firstcall.audit.LiveProjection;
import org.agrona.DirectBuffer;

/**
 * The board as one of the engine's live projections: the engine's projection agent feeds the
 * {@link BoardProjection} every journal entry and, after each round, the changes go to the
 * {@link DashboardHub}'s queue, once the hub has its event loop and room (until then they wait in the
 * projection). Runs on the projection agent's thread, which never calls into Netty.
 */
final class BoardFeed implements LiveProjection
{
    private final BoardProjection projection;
    private final DashboardHub hub;

    BoardFeed(final BoardProjection projection, final DashboardHub hub)
    {
        this.projection = projection;
        this.hub = hub;
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
        if (hub.isTaking())
        {
            final BoardChanges changes = projection.publish();
            if (!changes.isEmpty())
            {
                hub.offer(changes);
            }
        }
    }
}
