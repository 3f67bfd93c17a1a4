package io.firstcall.gateway.session;

import io.firstcall.gateway.metrics.TenantActivity;
import io.firstcall.pipeline.OutputListener;
import org.agrona.DirectBuffer;

/**
 * Delivers the engine's outputs to the live connections of the rep each one is for, in the same
 * tenant only. Runs on the engine thread and never waits: each session copies the output into its own
 * bounded outbox or, if the rep is not keeping up, is cut off. Outputs for reps with no connection,
 * and decision records, go to nobody here; they are in the output journal. Every output is also
 * counted per tenant ({@link TenantActivity#onOutput}) as it passes.
 */
public final class RepPushRouter implements OutputListener
{
    private final RepDirectory directory;
    private final TenantActivity activity;
    private final OutputTarget target = new OutputTarget();

    public RepPushRouter(final RepDirectory directory, final TenantActivity activity)
    {
        this.directory = directory;
        this.activity = activity;
    }

    public void onOutput(final DirectBuffer buffer, final int offset, final int length, final long inputSequence)
    {
        activity.onOutput(buffer, offset, length);
        if (!target.wrap(buffer, offset, length))
        {
            return;
        }

        final Session[] sessions = directory.find(
            buffer, target.tenantOffset(), target.tenantLength(), target.repOffset(), target.repLength());
        if (null != sessions)
        {
            for (final Session session : sessions)
            {
                session.inbox().onOutput(buffer, offset, length);
            }
        }
    }
}
